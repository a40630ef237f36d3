import { Anchor, NativeSelect, Table, Text } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { awardLevels } from '../../../shared/programs.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { PageHeader } from '../../components/PageHeader';
import { useListFilters } from '../../hooks/useListFilters';
import { ixApi, ixKeys, type ProgramParams } from './api';
import { FilterBar, PagedTable, QueryView, usePagedList } from './lists';
import { ixPaths } from './paths';
import { Dash, SkillList, useIxLabels } from './ui';

const PAGE = 50;

/** Each institution's programs: award level, CIP, enrollment and completions, courses and skills taught. */
export default function ProgramsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const filters = useListFilters(['institutionId', 'awardLevel'] as const);
  const awardLevel = (awardLevels as readonly string[]).includes(filters.filters.awardLevel) ? filters.filters.awardLevel : '';
  const params: ProgramParams = { q: filters.q, institutionId: filters.filters.institutionId || undefined, awardLevel, limit: PAGE };
  const institutions = useQuery({ queryKey: ixKeys.part(slug, 'institutions'), queryFn: () => ixApi.institutions(slug) });
  const { list, items } = usePagedList(ixKeys.part(slug, 'programs', params), (cursor, signal) => ixApi.programs(slug, { ...params, cursor }, signal));
  const { limit: _limit, ...csvParams } = params;

  return (
    <>
      <PageHeader title={t('informationExchange.programs.title')} description={t('informationExchange.programs.intro')} />
      <FilterBar
        label={t('common.filters')}
        searchLabel={t('informationExchange.programs.search')}
        search={filters.search}
        onSearch={filters.setSearch}
        searchBasis="16rem"
        clear={{ active: filters.active, onClear: filters.clear }}
        csv={{ href: ixApi.programsCsv(slug, csvParams), what: t('informationExchange.programs.title') }}
      >
        <NativeSelect
          label={t('informationExchange.fields.institution')}
          value={filters.filters.institutionId}
          onChange={(e) => filters.setFilter('institutionId', e.currentTarget.value)}
          data={[{ value: '', label: t('informationExchange.allInstitutions') }, ...(institutions.data?.items ?? []).map((i) => ({ value: i.institutionId, label: i.name }))]}
          w={{ base: '100%', xs: 260 }}
        />
        <NativeSelect
          label={t('informationExchange.fields.awardLevel')}
          value={awardLevel}
          onChange={(e) => filters.setFilter('awardLevel', e.currentTarget.value)}
          data={[{ value: '', label: t('informationExchange.allAwards') }, ...awardLevels.map((v) => ({ value: v, label: labels.award(v) }))]}
          w={{ base: '100%', xs: 200 }}
        />
      </FilterBar>

      <QueryView
        query={list}
        isEmpty={items.length === 0}
        empty={<Empty icon={<IconSchool size={28} aria-hidden />} title={t('informationExchange.programs.emptyTitle')} description={t('informationExchange.programs.emptyBody')} />}
      >
        {() => (
          <PagedTable
            list={list}
            shown={items.length}
            caption={t('informationExchange.programs.caption')}
            minWidth={880}
            columns={[
              { label: t('informationExchange.fields.program') },
              { label: t('informationExchange.fields.institution') },
              { label: t('informationExchange.fields.awardLevel') },
              { label: t('informationExchange.fields.enrollment'), figure: true },
              { label: t('informationExchange.fields.completions'), figure: true },
              { label: t('informationExchange.fields.courses'), figure: true },
              { label: t('informationExchange.fields.skillsTaught') },
            ]}
          >
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={ixPaths.program(slug, p.id)} className="tb-table-link">
                    {p.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[p.cip && `CIP ${p.cip}`, p.pathway, p.specialtySkillClass && t('informationExchange.programs.specialty')].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Anchor component={Link} to={ixPaths.institution(slug, p.institutionId)} size="sm">
                    {p.institutionName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{labels.award(p.awardLevel)}</Table.Td>
                <Table.Td ta="end">{p.latestOutcome?.enrollment ?? <Dash />}</Table.Td>
                <Table.Td ta="end">{p.latestOutcome?.completions ?? <Dash />}</Table.Td>
                <Table.Td ta="end">{p.courses.length}</Table.Td>
                <Table.Td>
                  <SkillList skills={p.skills.slice(0, 8).map((name) => ({ name }))} />
                  {p.skills.length > 8 && (
                    <Text size="xs" c="dimmed">
                      {t('informationExchange.andMore', { count: p.skills.length - 8 })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </PagedTable>
        )}
      </QueryView>
    </>
  );
}
