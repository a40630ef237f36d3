import { Alert, Anchor, Button, Divider, NativeSelect, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconChartLine, IconDatabase, IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { importsPath } from '../imports/paths';
import { FactsSection } from './FactsSection';
import { HubsSection } from './HubsSection';
import { lmPaths } from './paths';
import { ProjectionsSection } from './ProjectionsSection';
import { RankingsSection } from './RankingsSection';

/** The labor-market dashboard: Table 1, growth against openings, the hub comparison, facts and ranked lists. */
export default function LaborMarketPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const [params, setParams] = useSearchParams();

  const regions = useQuery({ queryKey: keys.laborMarketPart(slug, 'regions'), queryFn: () => api.laborMarket.regions(slug) });
  const regionItems = regions.data?.items ?? [];
  const requested = params.get('region') ?? '';
  const region = regionItems.find((r) => r.slug === requested) ?? regionItems[0];
  const occupations = useQuery({
    queryKey: keys.occupations(slug, region?.slug ?? ''),
    queryFn: () => api.laborMarket.occupations(slug, region?.slug),
    enabled: !!region,
  });
  const hubs = useQuery({ queryKey: keys.laborMarketPart(slug, 'hubs'), queryFn: () => api.laborMarket.hubs(slug) });
  const facts = useQuery({ queryKey: keys.laborMarketPart(slug, 'facts'), queryFn: () => api.laborMarket.facts(slug) });
  const rankings = useQuery({ queryKey: keys.laborMarketPart(slug, 'rankings'), queryFn: () => api.laborMarket.rankings(slug) });

  const flagCount = useMemo(() => {
    const o = occupations.data;
    return (
      (o ? o.items.reduce((acc, i) => acc + i.flags.length, 0) + (o.totals?.flags.length ?? 0) : 0) +
      (hubs.data?.items.reduce((acc, h) => acc + h.flags.length, 0) ?? 0) +
      (facts.data?.items.reduce((acc, f) => acc + f.flags.length, 0) ?? 0) +
      (rankings.data?.items.reduce((acc, r) => acc + r.flags.length, 0) ?? 0)
    );
  }, [occupations.data, hubs.data, facts.data, rankings.data]);
  const knownSocs = useMemo(() => new Set(occupations.data?.items.map((o) => o.soc) ?? []), [occupations.data]);

  const everythingLoaded = regions.isSuccess && hubs.isSuccess && facts.isSuccess && rankings.isSuccess;
  const nothing = everythingLoaded && regionItems.length === 0 && hubs.data.items.length === 0 && facts.data.items.length === 0 && rankings.data.items.length === 0;

  const actions = (
    <>
      <Button component={Link} to={lmPaths.sources(slug)} variant="default" leftSection={<IconDatabase size={16} aria-hidden />}>
        {t('laborMarket.sources.title')}
      </Button>
      {can.coordinator && (
        <Button component={Link} to={importsPath(slug, { kind: 'labor-market' })} variant="light" leftSection={<IconFileImport size={16} aria-hidden />}>
          {t('laborMarket.importData')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('nav.laborMarket')} description={t('laborMarket.intro')} actions={actions} />
      {nothing ? (
        <Empty
          icon={<IconChartLine size={28} aria-hidden />}
          title={t('laborMarket.emptyTitle')}
          description={can.coordinator ? t('laborMarket.emptyBody') : t('laborMarket.emptyBodyReadOnly')}
        >
          {can.coordinator && (
            <Button component={Link} to={importsPath(slug, { kind: 'labor-market' })} variant="light">
              {t('laborMarket.importData')}
            </Button>
          )}
        </Empty>
      ) : (
        <Stack gap="xl">
          {flagCount > 0 && (
            <Alert variant="light" color="blue" role="none" icon={<IconAlertTriangle aria-hidden className="tb-flag-icon" />}>
              <Text size="sm" fw={700}>
                {t('laborMarket.flags.summaryTitle', { count: flagCount })}
              </Text>
              <Text size="sm">{t('laborMarket.flags.summaryBody')}</Text>
            </Alert>
          )}

          {regionItems.length > 1 && (
            <NativeSelect
              label={t('laborMarket.region')}
              value={region?.slug ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    next.set('region', value);
                    return next;
                  },
                  { replace: true, preventScrollReset: true },
                );
              }}
              data={regionItems.map((r) => ({ value: r.slug, label: r.name }))}
              w={{ base: '100%', xs: 320 }}
            />
          )}

          {regions.isPending || (region && occupations.isPending) ? (
            <Loading />
          ) : regions.isError ? (
            <QueryErrorState error={regions.error} onRetry={() => void regions.refetch()} />
          ) : occupations.isError ? (
            <QueryErrorState error={occupations.error} onRetry={() => void occupations.refetch()} />
          ) : occupations.data && occupations.data.items.length > 0 ? (
            <ProjectionsSection data={occupations.data} regionSlug={region?.slug} />
          ) : (
            <Empty icon={<IconChartLine size={28} aria-hidden />} title={t('laborMarket.projections.emptyTitle')} description={t('laborMarket.projections.emptyBody')} />
          )}

          <Divider />
          {hubs.isPending ? (
            <Loading />
          ) : hubs.isError ? (
            <QueryErrorState error={hubs.error} onRetry={() => void hubs.refetch()} />
          ) : (
            hubs.data.items.length > 0 && <HubsSection hubs={hubs.data.items} />
          )}

          {facts.isError ? (
            <QueryErrorState error={facts.error} onRetry={() => void facts.refetch()} />
          ) : (
            facts.data &&
            facts.data.items.length > 0 && (
              <>
                <Divider />
                <FactsSection facts={facts.data.items} />
              </>
            )
          )}

          {rankings.isError ? (
            <QueryErrorState error={rankings.error} onRetry={() => void rankings.refetch()} />
          ) : (
            rankings.data &&
            rankings.data.items.length > 0 && (
              <>
                <Divider />
                <RankingsSection rankings={rankings.data.items} knownSocs={knownSocs} />
              </>
            )
          )}

          <Text size="sm" c="dimmed">
            {t('laborMarket.sourcesFooter')}{' '}
            <Anchor component={Link} to={lmPaths.sources(slug)} size="sm">
              {t('laborMarket.sources.title')}
            </Anchor>
          </Text>
        </Stack>
      )}
    </>
  );
}
