import { Anchor, Badge, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { CsvLink } from '../labor-market/Download';
import { useNumbers } from '../labor-market/format';
import { TableScroll } from '../labor-market/TableScroll';
import { ixApi, ixKeys, type OccupationGapParams } from './api';
import { ixPaths } from './paths';
import { NumLink } from './ui';

const SORTS = ['gap', 'demand', 'supply', 'growth', 'soc'] as const;

/** Per occupation: openings and declared needs against completions of the programs leading to it (CIP→SOC). */
export function OccupationGapTable() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const numbers = useNumbers();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<(typeof SORTS)[number]>('gap');
  const params: OccupationGapParams = { q, sort };
  const gap = useQuery({ queryKey: ixKeys.part(slug, 'occupation-gap', params), queryFn: ({ signal }) => ixApi.occupationGap(slug, params, signal), placeholderData: keepPreviousData });
  const items = gap.data?.items ?? [];
  return (
    <>
      <Group align="flex-end" gap="sm" mb="sm" role="search" aria-label={t('informationExchange.alignment.occupationFilters')}>
        <TextInput label={t('informationExchange.alignment.searchOccupations')} type="search" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} />
        <NativeSelect
          label={t('informationExchange.alignment.sortOccupationsBy')}
          value={sort}
          onChange={(e) => setSort(e.currentTarget.value as (typeof SORTS)[number])}
          data={SORTS.map((s) => ({ value: s, label: t(`informationExchange.alignment.sort.${s}`) }))}
          w={200}
        />
        <CsvLink href={ixApi.occupationGapCsv(slug)} what={t('informationExchange.alignment.occupationsTitle')} />
      </Group>
      {gap.isPending ? (
        <Loading />
      ) : gap.isError ? (
        <QueryErrorState error={gap.error} onRetry={() => void gap.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.alignment.noOccupations')}</Text>
      ) : (
        <>
          <TableScroll label={t('informationExchange.alignment.occupationsCaption')} minWidth={900} maxHeight={560}>
            <Table striped fz="sm" aria-busy={gap.isFetching}>
              <Table.Caption>{t('informationExchange.alignment.occupationsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('informationExchange.fields.occupation')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.alignment.openings')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.alignment.declared')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.demand')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.supply')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.alignment.pipeline')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.gap')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.alignment.growth')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => {
                  const to = ixPaths.occupation(slug, o.soc);
                  return (
                    <Table.Tr key={o.soc}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={to} size="sm">
                          {o.title}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {o.soc}
                        </Text>
                        {o.flags.length > 0 && (
                          <Badge color="orange" c="dark.7" variant="light" size="xs" title={o.flags.map((f) => f.message).join(' ')}>
                            {t('informationExchange.alignment.flagged')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td ta="end">{o.projectedOpenings === null ? numbers.na : <NumLink to={`${to}#projections`} value={numbers.integer(o.projectedOpenings)} />}</Table.Td>
                      <Table.Td ta="end"><NumLink to={`${to}#demand`} value={numbers.integer(o.declaredPositions)} /></Table.Td>
                      <Table.Td ta="end">{numbers.integer(o.demand)}</Table.Td>
                      <Table.Td ta="end"><NumLink to={`${to}#supply`} value={numbers.integer(o.supply)} /></Table.Td>
                      <Table.Td ta="end">{numbers.integer(o.pipeline)}</Table.Td>
                      <Table.Td ta="end" fw={700} c={o.gap > 0 ? 'red.9' : undefined}>
                        {numbers.integer(o.gap)}
                      </Table.Td>
                      <Table.Td ta="end">{numbers.change(o.percentChange)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Text size="xs" c="dimmed" mt={6}>
            {gap.data.method}
          </Text>
        </>
      )}
    </>
  );
}
