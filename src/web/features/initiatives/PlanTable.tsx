import { Badge, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterPlanItemDto } from '../../../shared/initiatives.contract';
import { LoadMore } from '../../components/LoadMore';
import { TaskStateBadge, Scroll } from './ui';
import { useIniFormat } from './util';

const STEP = 200;

/** The Gantt chart's figures as a table (its text alternative): schedule, slack, critical, slip, state. */
export function PlanTable({ items }: { items: MasterPlanItemDto[] }) {
  const { t } = useTranslation();
  const fmt = useIniFormat();
  const [shown, setShown] = useState(STEP);
  return (
    <>
      <Scroll minWidth={980}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('initiatives.plan.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('initiatives.tasks.name')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.risks.initiative')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.plan.earlyStart')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.plan.earlyFinish')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.plan.lateFinish')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.plan.slack')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.tasks.assignee')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.tasks.progress')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.tasks.slip')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.tasks.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.slice(0, shown).map((i) => (
              <Table.Tr key={i.id}>
                <Table.Th scope="row" fw={400}>
                  {i.milestone ? `◆ ${i.name}` : i.name}
                  {i.critical && (
                    <Badge ml="xs" size="xs" color="red" variant="filled">
                      {t('initiatives.gantt.critical')}
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td>{i.initiativeTitle}</Table.Td>
                <Table.Td>{fmt.day(i.earlyStart)}</Table.Td>
                <Table.Td>{fmt.day(i.earlyFinish)}</Table.Td>
                <Table.Td>{fmt.day(i.lateFinish)}</Table.Td>
                <Table.Td>{t('initiatives.tasks.days', { count: i.slackDays })}</Table.Td>
                <Table.Td>{i.assigneeName ?? '—'}</Table.Td>
                <Table.Td>{i.progress}%</Table.Td>
                <Table.Td>{i.slipDays === null ? '—' : t('initiatives.tasks.slipDays', { count: i.slipDays })}</Table.Td>
                <Table.Td>
                  <TaskStateBadge state={i.state} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Scroll>
      <LoadMore shown={Math.min(shown, items.length)} hasMore={shown < items.length} loading={false} onLoadMore={() => setShown((n) => n + STEP)} />
    </>
  );
}
