import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconCoin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { initiativesApi, iniKeys } from './api';
import { Scroll } from './ui';
import { useIniFormat } from './util';

const FundingChart = lazy(() => import('./FundingChart'));

/** Budgets against actual costs and pledges per initiative, the funding gaps, and which funder backs what. */
export default function FundingPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const fmt = useIniFormat();
  const id = useId();
  const funding = useQuery({ queryKey: iniKeys.funding(slug), queryFn: ({ signal }) => initiativesApi.funding(slug, signal) });
  if (funding.isPending) return <Loading />;
  if (funding.isError) return <QueryErrorState error={funding.error} onRetry={() => void funding.refetch()} />;
  const { initiatives, funders, totals } = funding.data;
  const header = <PageHeader title={t('initiatives.funding.title')} description={t('initiatives.funding.intro')} />;
  if (initiatives.length === 0 && funders.length === 0) return <>{header}<Empty icon={<IconCoin size={28} aria-hidden />} title={t('initiatives.funding.emptyTitle')} description={t('initiatives.funding.emptyBody')} /></>;
  const labels = { budget: t('initiatives.money.budget'), actual: t('initiatives.money.actual'), cash: t('initiatives.money.cashPledged'), inKind: t('initiatives.money.inKindPledged'), gap: t('initiatives.money.fundingGap') };
  const data = initiatives.map((i) => ({ title: i.title, budget: i.budgetCents / 100, actual: i.actualCents / 100, cash: i.cashPledgedCents / 100, inKind: i.inKindPledgedCents / 100, gap: i.fundingGapCents / 100 }));
  return (
    <>
      {header}
      <SimpleGrid cols={{ base: 2, md: 6 }} mb="lg">
        {(
          [
            ['budget', totals.budgetCents],
            ['actual', totals.actualCents],
            ['cashPledged', totals.cashPledgedCents],
            ['inKindPledged', totals.inKindPledgedCents],
            ['fundingGap', totals.fundingGapCents],
            ['unallocatedCash', totals.unallocatedCashCents],
          ] as const
        ).map(([key, cents]) => (
          <Paper key={key} withBorder p="sm">
            <Text size="xs" c="dimmed" fw={700}>
              {t(`initiatives.money.${key}`)}
            </Text>
            <Text fw={700}>{fmt.money(cents)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <figure style={{ margin: 0 }}>
        <Title order={2} size="h3" id={`${id}-t`}>
          {t('initiatives.funding.chartTitle')}
        </Title>
        <Text size="sm" c="dimmed" id={`${id}-d`} mb="sm">
          {t('initiatives.funding.chartSummary', { gap: fmt.money(totals.fundingGapCents), count: initiatives.filter((i) => i.fundingGapCents > 0).length })}
        </Text>
        <Suspense fallback={<Loading />}>
          <FundingChart data={data} labels={labels} format={(d) => fmt.money(d * 100)} labelledBy={`${id}-t`} describedBy={`${id}-d`} />
        </Suspense>
      </figure>
      <Scroll minWidth={760} mt="md">
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('initiatives.funding.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('initiatives.risks.initiative')}</Table.Th>
              {(['budget', 'actual', 'cashPledged', 'inKindPledged', 'fundingGap'] as const).map((k) => (
                <Table.Th key={k} scope="col" ta="right">
                  {t(`initiatives.money.${k}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('initiatives.funding.funders')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {initiatives.map((i) => (
              <Table.Tr key={i.initiativeId}>
                <Table.Th scope="row" fw={400}>{i.title}</Table.Th>
                <Table.Td ta="right">{fmt.money(i.budgetCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(i.actualCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(i.cashPledgedCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(i.inKindPledgedCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(i.fundingGapCents)}</Table.Td>
                <Table.Td>{i.funders.map((f) => f.name).join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Scroll>
      <Title order={2} size="h3" mt="xl" mb="sm">
        {t('initiatives.funding.fundersTitle')}
      </Title>
      <Scroll minWidth={700}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('initiatives.funding.fundersCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('initiatives.money.funder')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('initiatives.money.cashPledged')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('initiatives.money.cashReceived')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('initiatives.money.inKindPledged')}</Table.Th>
              <Table.Th scope="col">{t('initiatives.funding.backs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {funders.map((f) => (
              <Table.Tr key={f.organizationId}>
                <Table.Th scope="row" fw={400}>{f.name}</Table.Th>
                <Table.Td ta="right">{fmt.money(f.cashPledgedCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(f.cashReceivedCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(f.inKindPledgedCents)}</Table.Td>
                <Table.Td>
                  {f.backs.map((b) => `${b.title ?? t('initiatives.funding.general')} (${t(`initiatives.pledgeKinds.${b.kind}`)}, ${fmt.money(b.amountCents)})`).join('; ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Scroll>
    </>
  );
}
