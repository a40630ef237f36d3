import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { actionItemCreateInput, type ActionItemDto, type MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { iniKeys, initiativesApi } from '../initiatives/api';
import { SavingCheckbox, ScrollTable } from './ui';
import { meetingKeys, meetingsApi } from './api';

/** Turns an open action item into a task of an initiative's action plan (Coordinator and other managers). */
function ToTask({ meetingId, item, onDone }: { meetingId: string; item: ActionItemDto; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [initiativeId, setInitiativeId] = useState('');
  const params = { limit: 200 };
  const initiatives = useQuery({ queryKey: iniKeys.list(slug, params), queryFn: ({ signal }) => initiativesApi.list(slug, params, signal) });
  const convert = useMutation({ mutationFn: () => meetingsApi.actionItemToTask(slug, meetingId, item.id, initiativeId), onSuccess: onDone });
  if (item.initiativeId) {
    return (
      <Anchor component={Link} to={`/c/${slug}/initiatives/${item.initiativeId}`} size="sm">
        {t('meetings.taskLink')}
      </Anchor>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap" align="flex-end">
        <NativeSelect
          size="xs"
          aria-label={t('meetings.toTaskLabel', { title: item.title })}
          value={initiativeId}
          onChange={(e) => setInitiativeId(e.currentTarget.value)}
          data={[{ value: '', label: t('meetings.chooseInitiative') }, ...(initiatives.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))]}
        />
        <Button size="compact-sm" variant="default" disabled={!initiativeId} loading={convert.isPending} onClick={() => convert.mutate()}>
          {t('meetings.toTask')}
        </Button>
      </Group>
      {convert.error ? <ProblemAlert error={convert.error} /> : null}
    </Stack>
  );
}

/** Action items agreed at the meeting: owner, due date, done; open ones carry into the next agenda until done. */
export function ActionItemsPanel({ meeting, manage }: { meeting: MeetingDto; manage: boolean }) {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const queryClient = useQueryClient();
  const key = [...meetingKeys.one(slug, meeting.id), 'action-items'];
  const items = useQuery({ queryKey: key, queryFn: ({ signal }) => meetingsApi.actionItems(slug, meeting.id, signal) });
  const invitees = useQuery({ queryKey: [...meetingKeys.one(slug, meeting.id), 'invitees'], queryFn: ({ signal }) => meetingsApi.invitees(slug, meeting.id, signal) });
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: [...meetingKeys.all(slug), 'my-action-items'] })]);
  const status = useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => meetingsApi.updateActionItem(slug, meeting.id, id, { status: done ? 'done' : 'open' }),
    onSuccess: refresh,
  });
  const form = useForm({
    initialValues: { title: '', ownerId: '', dueOn: '' },
    schema: actionItemCreateInput,
    onSubmit: async (data) => {
      const created = await meetingsApi.addActionItem(slug, meeting.id, data);
      form.reset();
      setMessage(t('meetings.actionItemAdded', { title: created.title, owner: created.owner?.name ?? '' }));
      await refresh();
    },
  });
  if (items.isPending) return <Loading />;
  if (items.isError) return <QueryErrorState error={items.error} onRetry={() => void items.refetch()} />;
  return (
    <Stack gap="sm">
      {status.error ? <ProblemAlert error={status.error} /> : null}
      {items.data.length === 0 ? (
        <Text c="dimmed">{manage ? t('meetings.noActionItemsManager') : t('meetings.noActionItems')}</Text>
      ) : (
        <ScrollTable label={t('meetings.actionItemsCaption')} minWidth={560}>
          <Table verticalSpacing={4}>
            <Table.Caption className="tb-sr-only">{t('meetings.actionItemsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('meetings.colAction')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colOwner')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colDue')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colDone')}</Table.Th>
                {manage && <Table.Th scope="col">{t('meetings.colTask')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.map((i) => {
                const mayEdit = manage || i.owner?.id === membership.personId;
                return (
                  <Table.Tr key={i.id} data-status={i.status}>
                    <Table.Th scope="row" fw={400} td={i.status === 'done' ? 'line-through' : undefined}>{i.title}</Table.Th>
                    <Table.Td>{i.owner?.name ?? t('meetings.unassigned')}</Table.Td>
                    <Table.Td>{i.dueOn}</Table.Td>
                    <Table.Td>
                      {mayEdit ? (
                        <SavingCheckbox label={t('meetings.markDone', { title: i.title })} checked={i.status === 'done'} onSave={(done) => status.mutateAsync({ id: i.id, done })} />
                      ) : (
                        t(`meetings.statuses.${i.status}`)
                      )}
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <ToTask meetingId={meeting.id} item={i} onDone={refresh} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <StatusMessage message={message} />
      {manage && (
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="add-action-item" className="tb-no-print">
          <Stack gap="xs">
            <Title order={3} size="h5" id="add-action-item">
              {t('meetings.addActionItem')}
            </Title>
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <TextInput label={t('meetings.fieldAction')} required {...form.textProps('title')} />
            <Group grow align="flex-start">
              <NativeSelect label={t('meetings.fieldOwner')} required data={[{ value: '', label: t('meetings.chooseOwner') }, ...(invitees.data ?? []).map((p) => ({ value: p.personId, label: p.name }))]} {...form.textProps('ownerId')} />
              <TextInput type="date" label={t('meetings.fieldDue')} required {...form.textProps('dueOn')} />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('meetings.addActionItem')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
