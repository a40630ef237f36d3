import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { audiences, compensations, opportunityKinds, suggestedPathways } from '../../../../shared/opportunities.contract';
import type { useListFilters } from '../../../hooks/useListFilters';
import { useTpLabels } from '../labels';

export const BOARD_FILTERS = ['kind', 'audience', 'compensation', 'pathway', 'skill', 'status', 'employerId'] as const;
type Filters = ReturnType<typeof useListFilters<(typeof BOARD_FILTERS)[number]>>;

/** The board's search and filters, kept in the URL. */
export function BoardFilters({ filters, skill, onSkill, onClear, mine, active }: { filters: Filters; skill: string; onSkill: (v: string) => void; onClear: () => void; mine: boolean; active: boolean }) {
  const { t } = useTranslation();
  const l = useTpLabels();
  const f = filters.filters;
  const select = (key: (typeof BOARD_FILTERS)[number], label: string, all: string, values: readonly string[], name: (v: string) => string) => (
    <NativeSelect
      label={label}
      value={f[key]}
      onChange={(e) => filters.setFilter(key, e.currentTarget.value)}
      data={[{ value: '', label: all }, ...values.map((v) => ({ value: v, label: name(v) }))]}
      w={{ base: '100%', xs: 200 }}
    />
  );
  return (
    <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
      <TextInput
        label={t('talentPipeline.board.search')}
        placeholder={t('talentPipeline.board.searchPlaceholder')}
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filters.search}
        onChange={(e) => filters.setSearch(e.currentTarget.value)}
        style={{ flex: '1 1 16rem' }}
      />
      {select('kind', t('talentPipeline.board.kind'), t('talentPipeline.board.allKinds'), opportunityKinds, (v) => l.kind(v as never))}
      {select('audience', t('talentPipeline.board.audience'), t('talentPipeline.board.allAudiences'), audiences, (v) => l.audience(v as never))}
      {select('compensation', t('talentPipeline.board.compensation'), t('talentPipeline.board.anyPay'), compensations, (v) => l.compensation(v as never))}
      {select('pathway', t('talentPipeline.board.pathway'), t('talentPipeline.board.allPathways'), suggestedPathways, (v) => v)}
      <TextInput label={t('talentPipeline.board.skill')} placeholder={t('talentPipeline.board.skillPlaceholder')} value={skill} onChange={(e) => onSkill(e.currentTarget.value)} w={{ base: '100%', xs: 180 }} />
      {mine
        ? select('status', t('talentPipeline.board.status'), t('talentPipeline.board.statusOption.all'), ['open', 'closed', 'completed'], (v) => t(`talentPipeline.opportunityStatuses.${v as 'open'}`))
        : select('status', t('talentPipeline.board.status'), t('talentPipeline.board.openOnly'), ['closed', 'completed', 'all'], (v) => t(`talentPipeline.board.statusOption.${v as 'closed'}`))}
      {active && (
        <Button variant="subtle" onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
