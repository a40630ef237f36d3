import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../shared/applications.contract';
import type { CapacityKind, EngagementKind, EngagementStatus } from '../../../shared/engagements.contract';
import type { Audience, OpportunityDto, OpportunityKind, OpportunityStatus } from '../../../shared/opportunities.contract';
import { useNumbers } from '../labor-market/format';

/** Names of the pipeline's codes (kinds, statuses, audiences…) in the current language. */
export function useTpLabels() {
  const { t } = useTranslation();
  const n = useNumbers();
  return useMemo(
    () => ({
      kind: (k: OpportunityKind) => t(`talentPipeline.kinds.${k}`),
      audience: (a: Audience) => t(`talentPipeline.audiences.${a}`),
      audiences: (list: Audience[]) => (list.length === 0 ? t('talentPipeline.audiences.everyone') : list.map((a) => t(`talentPipeline.audiences.${a}`)).join(', ')),
      compensation: (c: OpportunityDto['compensation']) => t(`talentPipeline.compensations.${c}`),
      modality: (m: OpportunityDto['modality']) => t(`talentPipeline.modalities.${m}`),
      opportunityStatus: (s: OpportunityStatus) => t(`talentPipeline.opportunityStatuses.${s}`),
      applicationStatus: (s: ApplicationStatus) => t(`talentPipeline.applicationStatuses.${s}`),
      engagementKind: (k: EngagementKind) => t(`talentPipeline.engagementKinds.${k}`),
      engagementStatus: (s: EngagementStatus) => t(`talentPipeline.engagementStatuses.${s}`),
      capacityKind: (k: CapacityKind) => t(`talentPipeline.capacityKinds.${k}`),
      /** "$25 an hour · paid", "Stipend: $2,000 in total", "Unpaid". */
      pay: (o: Pick<OpportunityDto, 'compensation' | 'payAmount' | 'payUnit'>) =>
        o.payAmount !== null && o.payUnit
          ? t('talentPipeline.pay', { compensation: t(`talentPipeline.compensations.${o.compensation}`), amount: n.usd(o.payAmount), unit: t(`talentPipeline.payUnits.${o.payUnit}`) })
          : t(`talentPipeline.compensations.${o.compensation}`),
      score: (s: number) => n.decimal(s),
    }),
    [t, n],
  );
}
