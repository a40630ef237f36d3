import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationTransitions, hireTypes, type ApplicationDto, type ApplicationStatus } from '../../../../shared/applications.contract';
import { useCoalition } from '../../../coalition/context';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';

/** What a host may move an application to (the student withdraws; the Coordinator may do anything). */
const HOST_MOVES: readonly ApplicationStatus[] = ['interviewing', 'offered', 'placed', 'completed', 'hired', 'declined'];

/** Moves an application with a select and a button: keyboard- and screen-reader-operable, no dragging needed. */
export function MoveControl({ a, coordinator, onMoved }: { a: ApplicationDto; coordinator: boolean; onMoved: (a: ApplicationDto) => void }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const id = useId();
  const queryClient = useQueryClient();
  const targets = applicationTransitions[a.status].filter((s) => coordinator || HOST_MOVES.includes(s));
  const [to, setTo] = useState<ApplicationStatus | ''>('');
  const [hireType, setHireType] = useState<(typeof hireTypes)[number]>('full_time');
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: () => tpApi.move(slug, a.id, { status: to as ApplicationStatus, note: note.trim() || null, hireType: to === 'hired' ? hireType : null }),
    onSuccess: async (moved) => {
      setTo('');
      setNote('');
      onMoved(moved);
      await queryClient.invalidateQueries({ queryKey: tpKeys.all(slug) });
    },
  });
  if (targets.length === 0) return null;
  return (
    <Stack gap={6} mt="xs">
      <Group gap={6} align="flex-end" wrap="nowrap">
        <NativeSelect
          id={`${id}-to`}
          size="xs"
          label={t('talentPipeline.pipeline.moveTo')}
          aria-label={t('talentPipeline.pipeline.moveToFor', { name: a.studentName, title: a.opportunityTitle })}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value as ApplicationStatus | '')}
          data={[{ value: '', label: t('talentPipeline.pipeline.choose') }, ...targets.map((s) => ({ value: s, label: l.applicationStatus(s) }))]}
          style={{ flex: 1 }}
        />
        <Button size="xs" disabled={!to} loading={move.isPending} onClick={() => move.mutate()} aria-label={t('talentPipeline.pipeline.moveFor', { name: a.studentName })}>
          {t('talentPipeline.pipeline.move')}
        </Button>
      </Group>
      {to === 'hired' && (
        <NativeSelect size="xs" label={t('talentPipeline.pipeline.hireType')} value={hireType} onChange={(e) => setHireType(e.currentTarget.value as typeof hireType)} data={hireTypes.map((h) => ({ value: h, label: t(`talentPipeline.hireTypes.${h}`) }))} />
      )}
      {to && <TextInput size="xs" label={t('talentPipeline.pipeline.note')} value={note} maxLength={1000} onChange={(e) => setNote(e.currentTarget.value)} />}
      {move.isError && <ProblemAlert error={move.error} />}
    </Stack>
  );
}
