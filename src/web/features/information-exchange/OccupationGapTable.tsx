import { Anchor, Badge, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { useNumbers } from '../labor-market/format';
import { ixApi, ixKeys, type OccupationGapParams } from './api';
import { QueryView, RankedFilters, RankedTable, useSearchAndSort } from './lists';
import { ixPaths } from './paths';
import { NumLink } from './ui';

const SORTS = ['gap', 'demand', 'supply', 'growth', 'soc'] as const;

/** Per occupation: openings and declared needs against completions of the programs leading to it (CIP→SOC). */
export function OccupationGapTable() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const numbers = useNumbers();
  const view = useSearchAndSort<(typeof SORTS)[number]>('gap');
  const params: OccupationGapParams = { q: view.q, sort: view.sort };
  const gap = useQuery({ queryKey: ixKeys.part(slug, 'occupation-gap', params), queryFn: ({ signal }) => ixApi.occupationGap(slug, params, signal), placeholderData: keepPreviousData });
  const items = gap.data?.items ?? [];
  return (
    <>
      <RankedFilters
        view={view}
        labels={{ filters: t('informationExchange.alignment.occupationFilters'), search: t('informationExchange.alignment.searchOccupations'), sortBy: t('informationExchange.alignment.sortOccupationsBy'), csv: t('informationExchange.alignment.occupationsTitle') }}
        csv={ixApi.occupationGapCsv(slug)}
        sorts={SORTS}
        sortWidth={200}
      />
      <QueryView query={gap} isEmpty={items.length === 0} empty={<Text c="dimmed">{t('informationExchange.alignment.noOccupations')}</Text>}>
        {(data) => (
          <RankedTable
            caption={t('informationExchange.alignment.occupationsCaption')}
            minWidth={900}
            busy={gap.isFetching}
            method={data.method}
            columns={[
              { label: t('informationExchange.fields.occupation') },
              { label: t('informationExchange.alignment.openings'), figure: true },
              { label: t('informationExchange.alignment.declared'), figure: true },
              { label: t('informationExchange.fields.demand'), figure: true },
              { label: t('informationExchange.fields.supply'), figure: true },
              { label: t('informationExchange.alignment.pipeline'), figure: true },
              { label: t('informationExchange.fields.gap'), figure: true },
              { label: t('informationExchange.alignment.growth'), figure: true },
            ]}
          >
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
          </RankedTable>
        )}
      </QueryView>
    </>
  );
}
