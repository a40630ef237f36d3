import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InitiativeDto, MasterPlanItemDto } from '../../../shared/initiatives.contract';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { initiativesApi, iniKeys } from './api';
import { iniPaths } from './paths';
import { TaskForm } from './TaskForm';
import { TaskStateBadge, Scroll } from './ui';
import { useIniFormat } from './util';

/** The initiative's action plan: tasks and milestones as scheduled by the master plan, with the baseline to show slippage. */
export function ActionPlanSection({ slug, initiative, canManage }: { slug: string; initiative: InitiativeDto; canManage: boolean }) {
  const { t } = useTranslation();
  const fmt = useIniFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<MasterPlanItemDto | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const params = { initiativeId: initiative.id };
  const plan = useQuery({ queryKey: iniKeys.masterPlan(slug, params), queryFn: ({ signal }) => initiativesApi.masterPlan(slug, params, signal) });
  const refresh = async () => {
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: iniKeys.all(slug) });
  };
  const items = plan.data?.items ?? [];
  const names = new Map(items.map((i) => [i.id, i.name]));

  return (
    <section aria-labelledby="plan-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="plan-heading" size="h3">
          {t('initiatives.tasks.title')}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`${iniPaths.masterPlan(slug)}?initiativeId=${initiative.id}`} variant="default" size="xs">
            {t('initiatives.tasks.onGantt')}
          </Button>
          {canManage && items.length > 0 && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDeviceFloppy size={14} aria-hidden />}
              onClick={async () => {
                const saved = await initiativesApi.saveBaseline(slug, initiative.id);
                setMessage(t('initiatives.tasks.baselineSaved', { count: saved.tasks }));
                await refresh();
              }}
            >
              {t('initiatives.tasks.saveBaseline')}
            </Button>
          )}
        </Group>
      </Group>
      <StatusMessage message={message} onClose={() => setMessage(null)} mb="sm" />
      <Text size="sm" c="dimmed" mb="sm">
        {initiative.baselineSavedAt ? t('initiatives.tasks.baselineFrom', { date: fmt.day(initiative.baselineSavedAt) }) : t('initiatives.tasks.noBaseline')}
      </Text>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <QueryErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('initiatives.tasks.empty')}</Text>
      ) : (
        <Scroll minWidth={900}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('initiatives.tasks.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('initiatives.tasks.name')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.scheduled')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.duration')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.dependsOn')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.assignee')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.progress')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.slip')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.state')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Th scope="row" fw={400}>
                    {task.milestone ? '◆ ' : ''}
                    {task.name}
                    {task.critical && (
                      <Badge ml="xs" size="xs" color="red" variant="filled">
                        {t('initiatives.gantt.critical')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {fmt.day(task.earlyStart)} – {fmt.day(task.earlyFinish)}
                  </Table.Td>
                  <Table.Td>{task.milestone ? t('initiatives.tasks.milestone') : t('initiatives.tasks.days', { count: task.durationDays })}</Table.Td>
                  <Table.Td>{task.dependsOn.map((d) => names.get(d) ?? t('initiatives.tasks.otherInitiative')).join(', ') || '—'}</Table.Td>
                  <Table.Td>{task.assigneeName ?? '—'}</Table.Td>
                  <Table.Td>{task.progress}%</Table.Td>
                  <Table.Td>{task.slipDays === null ? '—' : t('initiatives.tasks.slipDays', { count: task.slipDays })}</Table.Td>
                  <Table.Td>
                    <TaskStateBadge state={task.state} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" aria-label={t('initiatives.tasks.editTitle', { name: task.name })} onClick={() => setEditing(task)}>
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      {canManage && plan.isSuccess && <TaskForm key={editing?.id ?? 'new'} slug={slug} initiativeId={initiative.id} tasks={items} editing={editing} onDone={refresh} />}
    </section>
  );
}
