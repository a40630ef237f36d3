import { Button, Group, NativeSelect, Paper, SimpleGrid, Tabs, Text } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { initiativesApi, iniKeys, type MasterPlanParams } from './api';
import { GanttChart } from './GanttChart';
import { MilestoneCalendar, TaskAlerts } from './PlanLists';
import { PlanTable } from './PlanTable';
import { useIniFormat } from './util';

/** Drawn rows at most; beyond that the chart asks for a filter (the table and lists still hold everything). */
const CHART_ROWS = 250;

export default function MasterPlanPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const fmt = useIniFormat();
  const [search, setSearch] = useSearchParams();
  const params: MasterPlanParams = { initiativeId: search.get('initiativeId') ?? undefined, ownerId: search.get('ownerId') ?? undefined };
  const plan = useQuery({ queryKey: iniKeys.masterPlan(slug, params), queryFn: ({ signal }) => initiativesApi.masterPlan(slug, params, signal), placeholderData: keepPreviousData });
  const all = useQuery({ queryKey: iniKeys.list(slug, { limit: 200 }), queryFn: ({ signal }) => initiativesApi.list(slug, { limit: 200 }, signal) });
  const setParam = (key: string, value: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const owners = new Map((all.data?.items ?? []).flatMap((i) => (i.owner ? [[i.owner.personId, i.owner.name] as const] : [])));

  return (
    <>
      <PageHeader title={t('initiatives.plan.title')} description={t('initiatives.plan.intro')} />
      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <NativeSelect
          label={t('initiatives.plan.filterInitiative')}
          value={params.initiativeId ?? ''}
          onChange={(e) => setParam('initiativeId', e.currentTarget.value)}
          data={[{ value: '', label: t('initiatives.plan.allInitiatives') }, ...(all.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))]}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('initiatives.plan.filterOwner')}
          value={params.ownerId ?? ''}
          onChange={(e) => setParam('ownerId', e.currentTarget.value)}
          data={[{ value: '', label: t('initiatives.plan.allOwners') }, ...[...owners].map(([id, name]) => ({ value: id, label: name }))]}
          w={{ base: '100%', sm: 260 }}
        />
        {(params.initiativeId || params.ownerId) && (
          <Button variant="subtle" onClick={() => setSearch({}, { replace: true })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <QueryErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.data.items.length === 0 ? (
        <Empty icon={<IconCalendarStats size={28} aria-hidden />} title={t('initiatives.plan.emptyTitle')} description={t('initiatives.plan.emptyBody')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
            <Stat label={t('initiatives.plan.start')} value={fmt.day(plan.data.projectStart)} />
            <Stat label={t('initiatives.plan.finish')} value={fmt.day(plan.data.projectFinish)} />
            <Stat label={t('initiatives.plan.overdue')} value={fmt.number(plan.data.overdue.length)} />
            <Stat label={t('initiatives.plan.atRisk')} value={fmt.number(plan.data.atRisk.length)} />
          </SimpleGrid>
          <Tabs defaultValue="chart" keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="chart">{t('initiatives.plan.chartTab')}</Tabs.Tab>
              <Tabs.Tab value="table">{t('initiatives.plan.tableTab')}</Tabs.Tab>
              <Tabs.Tab value="milestones">{t('initiatives.plan.milestonesTab')}</Tabs.Tab>
              <Tabs.Tab value="alerts">{t('initiatives.plan.alertsTab', { count: plan.data.overdue.length + plan.data.atRisk.length })}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="chart">
              {plan.data.items.length > CHART_ROWS && (
                <Text size="sm" c="dimmed" mb="xs">
                  {t('initiatives.plan.tooMany', { shown: CHART_ROWS, total: plan.data.items.length })}
                </Text>
              )}
              <GanttChart items={plan.data.items.slice(0, CHART_ROWS)} today={plan.data.asOf} caption={t('initiatives.plan.chartCaption')} />
            </Tabs.Panel>
            <Tabs.Panel value="table">
              <PlanTable items={plan.data.items} />
            </Tabs.Panel>
            <Tabs.Panel value="milestones">
              <MilestoneCalendar items={plan.data.items} />
            </Tabs.Panel>
            <Tabs.Panel value="alerts">
              <TaskAlerts plan={plan.data} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={700}>
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Paper>
  );
}
