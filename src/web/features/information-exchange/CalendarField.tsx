import { ActionIcon, Button, Fieldset, Grid, NativeSelect, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { recruitingWindowKinds } from '../../../shared/hiring-needs.contract';
import { useIxLabels } from './ui';

export interface WindowRow {
  kind: (typeof recruitingWindowKinds)[number];
  label: string;
  startsOn: string;
  endsOn: string;
}

/** The recruiting calendar of a need: when internship applications open, when hiring season runs. */
export function CalendarField({ value, onChange, error }: { value: WindowRow[]; onChange: (rows: WindowRow[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const labels = useIxLabels();
  const set = (i: number, patch: Partial<WindowRow>) => onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <Fieldset legend={t('informationExchange.fields.calendar')}>
      {value.length === 0 && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('informationExchange.needForm.noWindows')}
        </Text>
      )}
      {value.map((row, i) => (
        <Grid key={i} align="flex-end" mb="xs">
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NativeSelect
              label={t('informationExchange.needForm.windowKindN', { n: i + 1 })}
              value={row.kind}
              onChange={(e) => set(i, { kind: e.currentTarget.value as WindowRow['kind'] })}
              data={recruitingWindowKinds.map((k) => ({ value: k, label: labels.window(k) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <TextInput label={t('informationExchange.needForm.windowLabelN', { n: i + 1 })} value={row.label} onChange={(e) => set(i, { label: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput type="date" label={t('informationExchange.needForm.startsN', { n: i + 1 })} value={row.startsOn} onChange={(e) => set(i, { startsOn: e.currentTarget.value })} required />
          </Grid.Col>
          <Grid.Col span={{ base: 5, sm: 2 }}>
            <TextInput type="date" label={t('informationExchange.needForm.endsN', { n: i + 1 })} value={row.endsOn} onChange={(e) => set(i, { endsOn: e.currentTarget.value })} required />
          </Grid.Col>
          <Grid.Col span={1}>
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('informationExchange.needForm.removeWindow', { n: i + 1 })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
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
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, { kind: 'hiring_season', label: '', startsOn: '', endsOn: '' }])}>
        {t('informationExchange.needForm.addWindow')}
      </Button>
    </Fieldset>
  );
}
