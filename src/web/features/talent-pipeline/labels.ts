import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../shared/applications.contract';
import type { CapacityKind, EngagementKind, EngagementStatus } from '../../../shared/engagements.contract';
import type { Audience, OpportunityDto, OpportunityKind, OpportunityStatus } from '../../../shared/opportunities.contract';
import type { MatchReasonDto } from '../../../shared/matching.contract';
import { useFormatters } from '../../i18n/format';
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

/**
 * A match reason in the current language, from its code and params; the server's English message
 * when the code is one this page does not know (a newer server).
 */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const l = useTpLabels();
  return useMemo(() => {
    const list = (v: unknown) => (Array.isArray(v) ? f.list(v.map(String)) : '');
    return (r: MatchReasonDto): string => {
      const p = r.params ?? {};
      const key = `talentPipeline.reasons.${r.code}`;
      if (!r.code || !i18n.exists(key)) return r.message;
      switch (r.code) {
        case 'skills_matched':
          return t('talentPipeline.reasons.skills_matched', { matched: p.matched, required: p.required, skills: list(p.skills) });
        case 'skills_evidenced':
          return t('talentPipeline.reasons.skills_evidenced', { skills: list(p.skills) });
        case 'same_pathway':
          return t('talentPipeline.reasons.same_pathway', { pathway: String(p.pathway ?? '') });
        case 'hours_fit':
        case 'hours_short':
          return t(`talentPipeline.reasons.${r.code}`, { studentHours: p.studentHours, neededHours: p.neededHours });
        case 'eligible': {
          const audiences = (Array.isArray(p.audiences) ? p.audiences : []) as Audience[];
          const who = audiences.length === 0 ? t('talentPipeline.reasons.everyone') : f.list(audiences.map(l.audience));
          return typeof p.minimumAge === 'number' ? t('talentPipeline.reasons.eligibleAged', { who, age: p.minimumAge }) : t('talentPipeline.reasons.eligible', { who });
        }
        default:
          return t(`talentPipeline.reasons.${r.code}`);
      }
    };
  }, [t, i18n, f, l]);
}
