import { Alert, Badge, Box, Card, Grid, NativeSelect, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { FairnessDto } from '../../../../shared/applications.contract';
import { equityAttributes } from '../../../../shared/students.contract';
import { useCoalition } from '../../../coalition/context';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { useNumbers } from '../../labor-market/format';
import { tpApi, tpKeys } from '../api';
import { fourFifthsLine } from './fairness';
import { tpPaths } from '../paths';

type Group = FairnessDto['groups'][number];

const FairnessChart = lazy(() => import('./FairnessChart'));
const CHART_HEIGHT = 240;

/** Selection rates (application → offer) by self-reported group, four-fifths rule flagged, small counts hidden. */
export default function FairnessPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || undefined;
  const query = useQuery({ queryKey: tpKeys.fairness(slug, year), queryFn: () => tpApi.fairness(slug, { year }) });
  const flagged = query.data?.groups.filter((g) => g.fourFifthsFlag) ?? [];

  return (
    <>
      <PageHeader title={t('talentPipeline.fairness.title')} description={t('talentPipeline.fairness.intro')} back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }} />
      <NativeSelect
        label={t('talentPipeline.funnel.year')}
        value={year ? String(year) : ''}
        onChange={(e) => setParams(e.currentTarget.value ? { year: e.currentTarget.value } : {}, { replace: true })}
        data={[{ value: '', label: t('talentPipeline.funnel.allYears') }, ...[0, 1, 2, 3].map((d) => String(thisYear - d))]}
        maw={240}
        mb="md"
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          <Alert variant="light" color={flagged.length > 0 ? 'orange' : 'blue'} icon={<IconInfoCircle aria-hidden />} role="note">
            {flagged.length > 0 ? t('talentPipeline.fairness.flagged', { count: flagged.length }) : t('talentPipeline.fairness.noneFlagged')}{' '}
            {t('talentPipeline.fairness.suppression', { min: query.data.minimumCount })}
          </Alert>
          {equityAttributes.map((attribute) => (
            <AttributeSection key={attribute} attribute={attribute} groups={query.data.groups.filter((g) => g.attribute === attribute)} />
          ))}
        </Stack>
      )}
    </>
  );
}

/** One attribute (first-generation, low-income…): its chart beside its table. */
function AttributeSection({ attribute, groups }: { attribute: string; groups: Group[] }) {
  const { t } = useTranslation();
  const id = `tb-fair-${attribute}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {t(`talentPipeline.equity.${attribute as 'firstGeneration'}`)}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <AttributeChart attribute={attribute} groups={groups} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <AttributeTable attribute={attribute} groups={groups} />
        </Grid.Col>
      </Grid>
    </Card>
  );
}

function AttributeChart({ attribute, groups }: { attribute: string; groups: Group[] }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const id = `tb-fair-chart-${attribute}`;
  const line = fourFifthsLine(groups);
  const pct = (v: number) => n.percent(v);
  const shown = groups.filter((g) => !g.suppressed && g.selectionRate !== null);
  const flagged = shown.filter((g) => g.fourFifthsFlag).map((g) => t(`talentPipeline.fairness.groups.${g.group}`));
  const hiddenCount = groups.length - shown.length;
  const summary = [
    shown.length === 0
      ? t('talentPipeline.fairness.chart.noneShown')
      : shown.map((g) => t('talentPipeline.fairness.chart.rateOf', { group: t(`talentPipeline.fairness.groups.${g.group}`), rate: pct(g.selectionRate! * 100) })).join('; ') + '.',
    line === null ? '' : t('talentPipeline.fairness.chart.lineAt', { rate: pct(line * 100) }),
    flagged.length > 0 ? t('talentPipeline.fairness.chart.below', { groups: flagged.join(', ') }) : '',
    hiddenCount > 0 && shown.length > 0 ? t('talentPipeline.fairness.chart.hiddenGroups', { count: hiddenCount }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const bars = groups.map((g) => {
    const name = t(`talentPipeline.fairness.groups.${g.group}`);
    const rate = g.suppressed || g.selectionRate === null ? null : g.selectionRate * 100;
    return {
      label: g.suppressed ? t('talentPipeline.fairness.chart.tooFew', { group: name }) : rate === null ? t('talentPipeline.fairness.chart.noApplications', { group: name }) : name,
      rate,
      flagged: g.fourFifthsFlag,
      display: rate === null ? '' : g.fourFifthsFlag ? t('talentPipeline.fairness.chart.flaggedValue', { rate: pct(rate) }) : pct(rate),
    };
  });
  return (
    <Box component="figure" m={0} aria-labelledby={`${id}-title`}>
      <figcaption>
        <Text size="sm" fw={600} id={`${id}-title`}>
          {t('talentPipeline.fairness.chart.title', { attribute: t(`talentPipeline.equity.${attribute as 'firstGeneration'}`) })}
        </Text>
        <Text size="sm" c="dimmed" id={`${id}-desc`} mt={2}>
          {summary}
        </Text>
      </figcaption>
      {/* Nothing to plot: the caption says so, and no empty axes are drawn. */}
      {shown.length > 0 && (
        <Box mt="xs" h={CHART_HEIGHT}>
          <ErrorBoundary>
            <Suspense fallback={<Skeleton h={CHART_HEIGHT} aria-hidden />}>
              <FairnessChart bars={bars} line={line === null ? null : line * 100} lineLabel={t('talentPipeline.fairness.chart.line')} format={pct} height={CHART_HEIGHT} labelledBy={`${id}-title`} describedBy={`${id}-desc`} />
            </Suspense>
          </ErrorBoundary>
        </Box>
      )}
    </Box>
  );
}

function AttributeTable({ attribute, groups }: { attribute: string; groups: Group[] }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const hidden = t('talentPipeline.fairness.hidden');
  return (
    // A focusable, named region: the table may scroll sideways beside its chart, and keyboards must reach it.
    <Box tabIndex={0} role="region" aria-label={t('talentPipeline.fairness.caption', { attribute: t(`talentPipeline.equity.${attribute as 'firstGeneration'}`) })} style={{ overflowX: 'auto' }}>
      <Box miw={480}>
        <Table striped>
          <Table.Caption className="tb-sr-only">{t('talentPipeline.fairness.caption', { attribute: t(`talentPipeline.equity.${attribute as 'firstGeneration'}`) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('talentPipeline.fairness.group')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.applicants')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.offered')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.rate')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.ratio')}</Table.Th>
              <Table.Th scope="col">{t('talentPipeline.fairness.flag')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.group}>
                <Table.Th scope="row" fw={500}>
                  {t(`talentPipeline.fairness.groups.${g.group}`)}
                </Table.Th>
                <Table.Td ta="right">{g.applicants === null ? hidden : n.integer(g.applicants)}</Table.Td>
                <Table.Td ta="right">{g.offered === null ? hidden : n.integer(g.offered)}</Table.Td>
                <Table.Td ta="right">{g.suppressed ? hidden : n.percent(g.selectionRate === null ? null : g.selectionRate * 100)}</Table.Td>
                <Table.Td ta="right">{g.suppressed ? hidden : n.decimal(g.impactRatio === null ? null : Math.round(g.impactRatio * 100) / 100)}</Table.Td>
                <Table.Td>
                  {g.suppressed ? (
                    <Text size="sm" c="dimmed">
                      {t('talentPipeline.fairness.suppressed')}
                    </Text>
                  ) : g.fourFifthsFlag ? (
                    <Badge color="red" variant="light">
                      {t('talentPipeline.fairness.belowFourFifths')}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Box>
  );
}
