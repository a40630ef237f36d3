import { Button, Group, List, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { initiativesApi, iniKeys } from './api';
import { StatusBadge, TaskStateBadge, Scroll } from './ui';
import { useIniFormat } from './util';

/** The coalition-wide status report for the Leadership Council, with CSV and PDF downloads. */
export default function StatusReportPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const fmt = useIniFormat();
  const report = useQuery({ queryKey: iniKeys.report(slug), queryFn: ({ signal }) => initiativesApi.coalitionReport(slug, signal) });
  const downloads = (
    <>
      <Button component="a" href={initiativesApi.reportUrl(slug, 'csv')} download variant="default" leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
        {t('initiatives.report.csv')}
      </Button>
      <Button component="a" href={initiativesApi.reportUrl(slug, 'pdf')} download variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />}>
        {t('initiatives.report.pdf')}
      </Button>
    </>
  );
  return (
    <>
      <PageHeader title={t('initiatives.report.title')} description={t('initiatives.report.intro')} actions={downloads} />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('initiatives.report.asOf', { date: fmt.day(report.data.asOf), start: fmt.day(report.data.projectStart), finish: fmt.day(report.data.projectFinish) })}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
            {(
              [
                ['budget', fmt.money(report.data.totals.budgetCents)],
                ['actual', fmt.money(report.data.totals.actualCents)],
                ['fundingGap', fmt.money(report.data.totals.fundingGapCents)],
                ['openRisks', fmt.number(report.data.totals.openRisks)],
              ] as const
            ).map(([key, value]) => (
              <Paper key={key} withBorder p="sm">
                <Text size="xs" c="dimmed" fw={700}>
                  {t(`initiatives.report.totals.${key}`)}
                </Text>
                <Text fw={700}>{value}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Scroll minWidth={980}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>{t('initiatives.report.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('initiatives.risks.initiative')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.owner')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.progress')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.plan.earlyFinish')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.report.pastTarget')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.plan.overdue')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.plan.atRisk')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('initiatives.money.budget')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('initiatives.money.actual')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.report.risks')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.initiatives.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Th scope="row" fw={400}>{i.title}</Table.Th>
                    <Table.Td><StatusBadge status={i.status} /></Table.Td>
                    <Table.Td>{i.ownerName ?? '—'}</Table.Td>
                    <Table.Td>{i.progressPercent}%</Table.Td>
                    <Table.Td>{fmt.day(i.earlyFinish)}</Table.Td>
                    <Table.Td>{i.daysPastTarget === null ? '—' : t('initiatives.tasks.slipDays', { count: i.daysPastTarget })}</Table.Td>
                    <Table.Td>{i.overdue}</Table.Td>
                    <Table.Td>{i.atRisk}</Table.Td>
                    <Table.Td ta="right">{fmt.money(i.budgetCents)}</Table.Td>
                    <Table.Td ta="right">{fmt.money(i.actualCents)}</Table.Td>
                    <Table.Td>{t('initiatives.report.riskCounts', { open: i.openRisks, high: i.highRisks })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
          <SimpleGrid cols={{ base: 1, md: 2 }} mt="lg">
            <Paper withBorder p="sm">
              <Title order={2} size="h4" mb="xs">{t('initiatives.report.upcoming')}</Title>
              {report.data.upcomingMilestones.length === 0 ? <Text size="sm" c="dimmed">{t('initiatives.plan.noMilestones')}</Text> : (
                <List size="sm" spacing={4}>
                  {report.data.upcomingMilestones.map((m) => (
                    <List.Item key={m.taskId}>
                      {fmt.day(m.earlyFinish)} — ◆ {m.name} ({m.initiativeTitle}) <TaskStateBadge state={m.state} />
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Title order={2} size="h4" mb="xs">{t('initiatives.report.topRisks')}</Title>
              {report.data.topRisks.length === 0 ? <Text size="sm" c="dimmed">{t('initiatives.risks.empty')}</Text> : (
                <List size="sm" spacing={4}>
                  {report.data.topRisks.map((r) => (
                    <List.Item key={r.riskId}>
                      {r.title} ({r.initiativeTitle}) — {t('initiatives.risks.scoreShort', { score: r.score })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          </SimpleGrid>
          <Group mt="lg" gap="xs">
            <Text size="sm">{t('initiatives.report.alerts', { overdue: report.data.totals.overdue, atRisk: report.data.totals.atRisk })}</Text>
          </Group>
        </>
      )}
    </>
  );
}
