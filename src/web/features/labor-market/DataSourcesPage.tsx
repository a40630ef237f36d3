import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabase, IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { DatasetDto } from '../../../shared/labor-market.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { importsPath } from '../imports/paths';
import { CsvButton } from './Download';
import { useNumbers } from './format';
import { datasetAnchor, lmPaths } from './paths';
import './labor-market.css';
import { TableScroll } from './TableScroll';

function DatasetTable({ id, title, intro, datasets, withRows, targeted }: { id: string; title: string; intro: string; datasets: DatasetDto[]; withRows: boolean; targeted: string | null }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const dash = (
    <Text span size="sm" c="dimmed">
      {n.na}
    </Text>
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" maw="48rem">
            {intro}
          </Text>
        </div>
        <CsvButton
          filename={`${id.replace(/^tb-/, '')}.csv`}
          what={title}
          header={['id', 'name', 'publisher', 'source', 'published_on', 'licence', ...(withRows ? ['rows'] : []), 'notes']}
          rows={() => datasets.map((d) => [d.id, d.name, d.publisher, d.source, d.publishedOn, d.licence, ...(withRows ? [d.rows] : []), d.notes])}
        />
      </Group>
      <TableScroll minWidth={960} label={title}>
        <Table striped verticalSpacing="sm">
          <Table.Caption className="tb-sr-only">{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('laborMarket.sources.dataset')}</Table.Th>
              <Table.Th scope="col">{t('laborMarket.sources.publisher')}</Table.Th>
              <Table.Th scope="col">{t('laborMarket.sources.origin')}</Table.Th>
              <Table.Th scope="col">{t('laborMarket.sources.published')}</Table.Th>
              <Table.Th scope="col">{t('laborMarket.sources.licence')}</Table.Th>
              {withRows && (
                <Table.Th scope="col" className="tb-num">
                  {t('laborMarket.sources.rows')}
                </Table.Th>
              )}
              <Table.Th scope="col">{t('laborMarket.sources.notes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {datasets.map((d) => {
              const anchor = datasetAnchor(d.id);
              return (
                <Table.Tr key={d.id} id={anchor} tabIndex={-1} className={`tb-dataset-row${targeted === anchor ? ' tb-targeted' : ''}`}>
                  <Table.Th scope="row" fw={600} maw={280}>
                    {d.name}
                  </Table.Th>
                  <Table.Td maw={200}>{d.publisher}</Table.Td>
                  <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                    {d.source}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.publishedOn ?? dash}</Table.Td>
                  <Table.Td maw={200}>{d.licence}</Table.Td>
                  {withRows && <Table.Td className="tb-num">{n.integer(d.rows)}</Table.Td>}
                  <Table.Td maw={320}>
                    {d.notes ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {d.notes}
                      </Text>
                    ) : (
                      dash
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

/** Where every figure comes from: the coalition's datasets and the reference data, with the O*NET attribution. */
export default function DataSourcesPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const { hash } = useLocation();
  const datasets = useQuery({ queryKey: keys.laborMarketPart(slug, 'datasets'), queryFn: () => api.laborMarket.datasets(slug) });
  const [targeted, setTargeted] = useState<string | null>(null);

  // Links from a figure point at its dataset (#dataset-…): once the rows are there, go to it.
  useEffect(() => {
    if (!datasets.isSuccess || !hash) return;
    const anchor = decodeURIComponent(hash.slice(1));
    const row = document.getElementById(anchor);
    if (!row) return;
    setTargeted(anchor);
    row.scrollIntoView({ block: 'center' });
    row.focus({ preventScroll: true });
  }, [datasets.isSuccess, hash]);

  const own = datasets.data?.items.filter((d) => d.scope === 'coalition') ?? [];
  const reference = datasets.data?.items.filter((d) => d.scope === 'reference') ?? [];

  return (
    <>
      <PageHeader
        title={t('laborMarket.sources.title')}
        description={t('laborMarket.sources.intro')}
        back={{ to: lmPaths.dashboard(slug), label: t('nav.laborMarket') }}
        actions={
          can.coordinator && (
            <Button component={Link} to={importsPath(slug)} variant="light" leftSection={<IconFileImport size={16} aria-hidden />}>
              {t('laborMarket.importData')}
            </Button>
          )
        }
      />
      <Stack gap="xl">
        <Card withBorder padding="lg" component="section" aria-labelledby="tb-sources-checks">
          <Title order={2} size="h4" id="tb-sources-checks" mb="xs">
            {t('laborMarket.sources.checksTitle')}
          </Title>
          <Text size="sm">{t('laborMarket.sources.checksBody')}</Text>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('laborMarket.onet.title')}
          </Title>
          <Text size="sm" data-testid="onet-attribution">
            {t('laborMarket.onet.attribution')}
          </Text>
        </Card>

        {datasets.isPending ? (
          <Loading />
        ) : datasets.isError ? (
          <QueryErrorState error={datasets.error} onRetry={() => void datasets.refetch()} />
        ) : datasets.data.items.length === 0 ? (
          <Empty icon={<IconDatabase size={28} aria-hidden />} title={t('laborMarket.sources.emptyTitle')} description={t('laborMarket.sources.emptyBody')} />
        ) : (
          <>
            {own.length > 0 && (
              <DatasetTable id="tb-coalition-datasets" title={t('laborMarket.sources.coalitionTitle')} intro={t('laborMarket.sources.coalitionIntro')} datasets={own} withRows={false} targeted={targeted} />
            )}
            {reference.length > 0 && (
              <DatasetTable id="tb-reference-datasets" title={t('laborMarket.sources.referenceTitle')} intro={t('laborMarket.sources.referenceIntro')} datasets={reference} withRows targeted={targeted} />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
