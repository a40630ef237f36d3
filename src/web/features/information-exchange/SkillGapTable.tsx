import { Anchor, Checkbox, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
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
import { TableScroll } from '../labor-market/TableScroll';
import { ixApi, ixKeys, type SkillGapParams } from './api';
import { ixPaths } from './paths';
import { NumLink, useIxLabels } from './ui';

const SORTS = ['gap', 'demand', 'supply', 'name'] as const;

/** The skills gap, ranked: demand from hiring needs against supply from courses; each figure opens its records. */
export function SkillGapTable() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<(typeof SORTS)[number]>('gap');
  const [demanded, setDemanded] = useState(true);
  const params: SkillGapParams = { q, sort, demanded: demanded ? 'true' : '' };
  const gap = useQuery({ queryKey: ixKeys.part(slug, 'skill-gap', params), queryFn: ({ signal }) => ixApi.skillGap(slug, params, signal), placeholderData: keepPreviousData });
  const items = gap.data?.items ?? [];
  return (
    <>
      <Group align="flex-end" gap="sm" mb="sm" role="search" aria-label={t('informationExchange.alignment.skillFilters')}>
        <TextInput label={t('informationExchange.alignment.searchSkills')} type="search" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} />
        <NativeSelect
          label={t('informationExchange.alignment.sortBy')}
          value={sort}
          onChange={(e) => setSort(e.currentTarget.value as (typeof SORTS)[number])}
          data={SORTS.map((s) => ({ value: s, label: t(`informationExchange.alignment.sort.${s}`) }))}
          w={180}
        />
        <Checkbox label={t('informationExchange.alignment.demandedOnly')} checked={demanded} onChange={(e) => setDemanded(e.currentTarget.checked)} mb={8} />
        <CsvLink href={ixApi.skillGapCsv(slug)} what={t('informationExchange.alignment.skillsTitle')} />
      </Group>
      {gap.isPending ? (
        <Loading />
      ) : gap.isError ? (
        <QueryErrorState error={gap.error} onRetry={() => void gap.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.alignment.noSkills')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('informationExchange.alignment.totals', gap.data.totals)}
          </Text>
          <TableScroll label={t('informationExchange.alignment.skillsCaption')} minWidth={760} maxHeight={560}>
            <Table striped fz="sm" aria-busy={gap.isFetching}>
              <Table.Caption>{t('informationExchange.alignment.skillsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.skill')}</Table.Th>
                  <Table.Th scope="col">{t('informationExchange.fields.kind')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.demand')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.supply')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.fields.gap')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.alignment.needsCol')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('informationExchange.alignment.coursesCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s, i) => (
                  <Table.Tr key={s.skillId}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={ixPaths.skill(slug, s.skillId)} size="sm">
                        {s.skill}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{labels.kind(s.kind)}</Table.Td>
                    <Table.Td ta="end"><NumLink to={`${ixPaths.skill(slug, s.skillId)}#demand`} value={s.demand} /></Table.Td>
                    <Table.Td ta="end"><NumLink to={`${ixPaths.skill(slug, s.skillId)}#supply`} value={s.supply} /></Table.Td>
                    <Table.Td ta="end" fw={700} c={s.gap > 0 ? 'red.9' : undefined}>
                      {s.gap}
                    </Table.Td>
                    <Table.Td ta="end">
                      {s.needs}
                    </Table.Td>
                    <Table.Td ta="end">{s.courses}</Table.Td>
                  </Table.Tr>
                ))}
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
