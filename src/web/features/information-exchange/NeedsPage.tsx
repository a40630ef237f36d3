import { Anchor, Button, NativeSelect, Table, Text } from '@mantine/core';
import { IconBriefcase, IconFlag, IconPlus, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { needLevels } from '../../../shared/hiring-needs.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { PageHeader } from '../../components/PageHeader';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useListFilters } from '../../hooks/useListFilters';
import { ixApi, ixKeys, type NeedParams } from './api';
import { FilterBar, PagedTable, QueryView, usePagedList } from './lists';
import { ixPaths } from './paths';
import { Dash, SkillList, useIxLabels } from './ui';
import { useIxRole } from './useIxRole';

const PAGE = 50;

/** Employers' hiring needs: what they hire, how many a year, the skills, and degree flags. */
export default function NeedsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const role = useIxRole();
  const labels = useIxLabels();
  const [flash, dismissFlash] = useFlash();
  const filters = useListFilters(['level', 'employerId'] as const);
  const level = (needLevels as readonly string[]).includes(filters.filters.level) ? filters.filters.level : '';
  const params: NeedParams = { q: filters.q, level, employerId: filters.filters.employerId || undefined, limit: PAGE };
  const { list, items } = usePagedList(ixKeys.part(slug, 'needs', params), (cursor, signal) => ixApi.needs(slug, { ...params, cursor }, signal));
  const { limit: _limit, ...csvParams } = params;

  const actions = (
    <>
      {role.employerStaff && role.organizationId && (
        <Button component={Link} to={ixPaths.profile(slug, role.organizationId)} variant="default" leftSection={<IconUserCheck size={16} aria-hidden />}>
          {t('informationExchange.needs.ownProfile')}
        </Button>
      )}
      {role.postNeed && (
        <Button component={Link} to={ixPaths.needNew(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('informationExchange.needs.add')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('informationExchange.needs.title')} description={t('informationExchange.needs.intro')} actions={actions} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />
      <FilterBar
        label={t('common.filters')}
        searchLabel={t('informationExchange.needs.search')}
        search={filters.search}
        onSearch={filters.setSearch}
        searchBasis="18rem"
        clear={{ active: filters.active, onClear: filters.clear }}
        csv={{ href: ixApi.needsCsv(slug, csvParams), what: t('informationExchange.needs.title') }}
      >
        <NativeSelect
          label={t('informationExchange.fields.level')}
          value={level}
          onChange={(e) => filters.setFilter('level', e.currentTarget.value)}
          data={[{ value: '', label: t('informationExchange.allLevels') }, ...needLevels.map((v) => ({ value: v, label: labels.level(v) }))]}
          w={{ base: '100%', xs: 200 }}
        />
      </FilterBar>

      <QueryView
        query={list}
        isEmpty={items.length === 0}
        empty={<Empty icon={<IconBriefcase size={28} aria-hidden />} title={t('informationExchange.needs.emptyTitle')} description={t('informationExchange.needs.emptyBody')} />}
      >
        {() => (
          <PagedTable
            list={list}
            shown={items.length}
            caption={t('informationExchange.needs.caption')}
            minWidth={860}
            columns={[
              { label: t('informationExchange.fields.title') },
              { label: t('informationExchange.fields.employer') },
              { label: t('informationExchange.fields.soc') },
              { label: t('informationExchange.fields.positions'), figure: true },
              { label: t('informationExchange.fields.where') },
              { label: t('informationExchange.fields.skills') },
            ]}
          >
            {items.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={ixPaths.need(slug, n.id)} className="tb-table-link">
                    {n.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {labels.level(n.level)}
                    {n.degreeRequired ? ` · ${t('informationExchange.needs.degree', { level: labels.degree(n.degreeLevel) || t('informationExchange.needs.anyDegree') })}` : ''}
                  </Text>
                  {n.flags.map((f) => (
                    <Text key={f.code} size="xs" c="dark.7" mt={4}>
                      <IconFlag size={12} aria-hidden /> {t('informationExchange.needs.flagged')}: {f.message}
                    </Text>
                  ))}
                </Table.Th>
                <Table.Td>
                  <Anchor component={Link} to={ixPaths.profile(slug, n.employerId)} size="sm">
                    {n.employerName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{n.soc}</Text>
                  {n.socTitle && (
                    <Text size="xs" c="dimmed">
                      {n.socTitle}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="end">{n.positions}</Table.Td>
                <Table.Td>
                  <Text size="sm">{labels.workplace(n.workplace)}</Text>
                  {n.location ? <Text size="xs" c="dimmed">{n.location}</Text> : <Dash />}
                </Table.Td>
                <Table.Td>
                  <SkillList skills={n.skillRequirements.map((s) => ({ id: s.skillId, name: s.name }))} />
                </Table.Td>
              </Table.Tr>
            ))}
          </PagedTable>
        )}
      </QueryView>
    </>
  );
}
