import { ActionIcon, Autocomplete, Button, Fieldset, Grid, NativeSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { skillImportances, skillLevels } from '../../../shared/hiring-needs.contract';
import { useCoalition } from '../../coalition/context';
import { ixApi, ixKeys } from './api';
import { useIxLabels } from './ui';

export interface SkillRow {
  name: string;
  level: string;
  importance: 'required' | 'preferred';
}

function SkillName({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const { slug } = useCoalition();
  const [q] = useDebouncedValue(value.trim(), 250);
  const found = useQuery({
    queryKey: ixKeys.part(slug, 'skills', q),
    queryFn: ({ signal }) => ixApi.skills(slug, q, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = q.length >= 2 ? [...new Set((found.data?.items ?? []).map((s) => s.name))] : [];
  return <Autocomplete label={label} value={value} onChange={onChange} data={data} required />;
}

/** The skills a hiring need asks for: one row each, with the level expected and whether it is required. */
export function SkillRequirementsField({ value, onChange, error }: { value: SkillRow[]; onChange: (rows: SkillRow[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const labels = useIxLabels();
  const set = (i: number, patch: Partial<SkillRow>) => onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <Fieldset legend={t('informationExchange.fields.skills')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('informationExchange.needForm.skillsHint')}
      </Text>
      {value.map((row, i) => (
        <Grid key={i} align="flex-end" mb="xs">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <SkillName label={t('informationExchange.needForm.skillN', { n: i + 1 })} value={row.name} onChange={(name) => set(i, { name })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NativeSelect
              label={t('informationExchange.needForm.skillLevelN', { n: i + 1 })}
              value={row.level}
              onChange={(e) => set(i, { level: e.currentTarget.value })}
              data={[{ value: '', label: t('informationExchange.needForm.anyLevel') }, ...skillLevels.map((l) => ({ value: l, label: labels.skillLevel(l) }))]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 5, sm: 3 }}>
            <NativeSelect
              label={t('informationExchange.needForm.importanceN', { n: i + 1 })}
              value={row.importance}
              onChange={(e) => set(i, { importance: e.currentTarget.value as SkillRow['importance'] })}
              data={skillImportances.map((l) => ({ value: l, label: labels.importance(l) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 1, sm: 1 }}>
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('informationExchange.needForm.removeSkill', { n: i + 1 })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Grid.Col>
        </Grid>
      ))}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, { name: '', level: '', importance: 'required' }])}>
        {t('informationExchange.needForm.addSkill')}
      </Button>
    </Fieldset>
  );
}
