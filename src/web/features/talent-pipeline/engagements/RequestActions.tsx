import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementRequestDto } from '../../../../shared/engagements.contract';
import { useCoalition } from '../../../coalition/context';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { tpApi, tpKeys } from '../api';
import { useOrganizations } from './useOrganizations';

/** The Coordinator brokers a request with an employer (within its capacity), declines it, or confirms delivery. */
export function RequestActions({ r, coordinator, ownSchool }: { r: EngagementRequestDto; coordinator: boolean; ownSchool: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const { employers } = useOrganizations(coordinator && r.status === 'requested');
  const [employerId, setEmployerId] = useState(r.employerId ?? '');
  const done = () => queryClient.invalidateQueries({ queryKey: tpKeys.all(slug) });
  const broker = useMutation({ mutationFn: () => tpApi.broker(slug, r.id, employerId || null), onSuccess: done });
  const decide = useMutation({ mutationFn: (status: 'delivered' | 'declined' | 'cancelled') => tpApi.decide(slug, r.id, status), onSuccess: done });
  const error = broker.error ?? decide.error;
  const named = { title: r.title };
  return (
    <Stack gap={6}>
      {coordinator && r.status === 'requested' && (
        <Group gap={6} align="flex-end" wrap="nowrap">
          <NativeSelect size="xs" label={t('talentPipeline.engagements.brokerWith')} aria-label={t('talentPipeline.engagements.brokerWithFor', named)} value={employerId} onChange={(e) => setEmployerId(e.currentTarget.value)} data={[{ value: '', label: t('talentPipeline.sharing.choose') }, ...employers]} />
          <Button size="xs" disabled={!employerId} loading={broker.isPending} onClick={() => broker.mutate()} aria-label={t('talentPipeline.engagements.brokerFor', named)}>
            {t('talentPipeline.engagements.broker')}
          </Button>
        </Group>
      )}
      <Group gap={6}>
        {coordinator && r.status === 'requested' && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => decide.mutate('declined')} aria-label={t('talentPipeline.engagements.declineFor', named)}>
            {t('talentPipeline.engagements.decline')}
          </Button>
        )}
        {coordinator && r.status === 'brokered' && (
          <Button size="compact-xs" variant="light" onClick={() => decide.mutate('delivered')} aria-label={t('talentPipeline.engagements.deliveredFor', named)}>
            {t('talentPipeline.engagements.delivered')}
          </Button>
        )}
        {(coordinator || ownSchool) && (r.status === 'requested' || r.status === 'brokered') && (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => decide.mutate('cancelled')} aria-label={t('talentPipeline.engagements.cancelFor', named)}>
            {t('talentPipeline.engagements.cancel')}
          </Button>
        )}
      </Group>
      {error && <ProblemAlert error={error} />}
    </Stack>
  );
}
