import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { ixApi, ixKeys, type SkillGapParams } from './api';
import { QueryView, RankedFilters, RankedTable, useSearchAndSort } from './lists';
import { ixPaths } from './paths';
import { NumLink, useIxLabels } from './ui';

const SORTS = ['gap', 'demand', 'supply', 'name'] as const;

/** The skills gap, ranked: demand from hiring needs against supply from courses; each figure opens its records. */
export function SkillGapTable() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const view = useSearchAndSort<(typeof SORTS)[number]>('gap');
  const [demanded, setDemanded] = useState(true);
  const params: SkillGapParams = { q: view.q, sort: view.sort, demanded: demanded ? 'true' : '' };
  const gap = useQuery({ queryKey: ixKeys.part(slug, 'skill-gap', params), queryFn: ({ signal }) => ixApi.skillGap(slug, params, signal), placeholderData: keepPreviousData });
  const items = gap.data?.items ?? [];
  return (
    <>
      <RankedFilters
        view={view}
        labels={{ filters: t('informationExchange.alignment.skillFilters'), search: t('informationExchange.alignment.searchSkills'), sortBy: t('informationExchange.alignment.sortBy'), csv: t('informationExchange.alignment.skillsTitle') }}
        csv={ixApi.skillGapCsv(slug)}
        sorts={SORTS}
        sortWidth={180}
      >
        <Checkbox label={t('informationExchange.alignment.demandedOnly')} checked={demanded} onChange={(e) => setDemanded(e.currentTarget.checked)} mb={8} />
      </RankedFilters>
      <QueryView query={gap} isEmpty={items.length === 0} empty={<Text c="dimmed">{t('informationExchange.alignment.noSkills')}</Text>}>
        {(data) => (
          <>
            <Text size="sm" mb="xs">
              {t('informationExchange.alignment.totals', data.totals)}
            </Text>
            <RankedTable
              caption={t('informationExchange.alignment.skillsCaption')}
              minWidth={760}
              busy={gap.isFetching}
              method={data.method}
              columns={[
                { label: '#' },
                { label: t('informationExchange.fields.skill') },
                { label: t('informationExchange.fields.kind') },
                { label: t('informationExchange.fields.demand'), figure: true },
                { label: t('informationExchange.fields.supply'), figure: true },
                { label: t('informationExchange.fields.gap'), figure: true },
                { label: t('informationExchange.alignment.needsCol'), figure: true },
                { label: t('informationExchange.alignment.coursesCol'), figure: true },
              ]}
            >
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
                  <Table.Td ta="end">{s.needs}</Table.Td>
                  <Table.Td ta="end">{s.courses}</Table.Td>
                </Table.Tr>
              ))}
            </RankedTable>
          </>
        )}
      </QueryView>
    </>
  );
}
