import type { ProgramConfig, ScoreDto, Tier } from '../../../shared/recognition.contract.js';
import type { CandidateValues } from './recognition.queries.js';

/**
 * A candidate's score: each criterion that applies to its member type earns weight × min(1,
 * value / fullCreditAt); the score is the points over the weight of the criteria that have data,
 * as 0–100 (a criterion without a value neither helps nor hurts).
 */
export function scoreOf(config: ProgramConfig, candidate: CandidateValues): ScoreDto {
  const criteria = config.criteria
    .filter((c) => c.memberTypes.includes(candidate.memberType))
    .map((c) => {
      const value = candidate.values[c.key];
      if (value === undefined) return { key: c.key, value: null, weight: c.weight, fullCreditAt: c.fullCreditAt, points: 0, noData: true };
      const points = Math.round(c.weight * Math.min(1, value / c.fullCreditAt) * 100) / 100;
      return { key: c.key, value, weight: c.weight, fullCreditAt: c.fullCreditAt, points, noData: false };
    });
  const measured = criteria.filter((c) => !c.noData);
  const weight = measured.reduce((sum, c) => sum + c.weight, 0);
  const points = measured.reduce((sum, c) => sum + c.points, 0);
  const score = weight === 0 ? 0 : Math.round((points / weight) * 1000) / 10;
  return { organizationId: candidate.organizationId, name: candidate.name, memberType: candidate.memberType, score, tier: tierFor(config, score), criteria };
}

export function tierFor(config: ProgramConfig, score: number): Tier | null {
  const reached = [...config.tiers].sort((a, b) => b.minScore - a.minScore).find((t) => score >= t.minScore);
  return reached?.tier ?? null;
}
