import type { FinanceSummaryDto } from '../../../shared/initiatives.contract.js';

/**
 * Budget, actual cost and funding gaps, computed from the records (never typed in). Cash and
 * in-kind are kept apart; cancelled pledges count for nothing. Pure, so reports and the funding
 * overview agree.
 */
export interface RequirementFigures {
  kind: string;
  amountCents: number | null;
  quantity: number | null;
  hours: number | null;
}
export interface CostFigures {
  budgetCents: number;
  actualCents: number | null;
}
export interface PledgeFigures {
  kind: string;
  amountCents: number;
  status: string;
}

export function financeSummary(requirements: readonly RequirementFigures[], costs: readonly CostFigures[], pledges: readonly PledgeFigures[]): FinanceSummaryDto {
  const sum = <T>(rows: readonly T[], pick: (r: T) => number | null) => rows.reduce((s, r) => s + (pick(r) ?? 0), 0);
  const live = pledges.filter((p) => p.status !== 'cancelled');
  const cash = live.filter((p) => p.kind === 'cash');
  const inKind = live.filter((p) => p.kind === 'in_kind');
  const requiredFundingCents = sum(requirements.filter((r) => r.kind === 'funding'), (r) => r.amountCents);
  const requiredInKindCents = sum(requirements.filter((r) => r.kind === 'in_kind'), (r) => r.amountCents);
  const staffing = requirements.filter((r) => r.kind === 'staffing');
  const cashPledgedCents = sum(cash, (p) => p.amountCents);
  const inKindPledgedCents = sum(inKind, (p) => p.amountCents);
  const withActual = costs.filter((c) => c.actualCents !== null);
  return {
    requiredFundingCents,
    requiredInKindCents,
    staffingPeople: sum(staffing, (r) => r.quantity),
    staffingHours: sum(staffing, (r) => r.hours),
    budgetCents: sum(costs, (c) => c.budgetCents),
    actualCents: sum(costs, (c) => c.actualCents),
    varianceCents: sum(withActual, (c) => c.actualCents) - sum(withActual, (c) => c.budgetCents),
    cashPledgedCents,
    cashReceivedCents: sum(cash.filter((p) => p.status === 'received'), (p) => p.amountCents),
    inKindPledgedCents,
    fundingGapCents: Math.max(requiredFundingCents - cashPledgedCents, 0),
    inKindGapCents: Math.max(requiredInKindCents - inKindPledgedCents, 0),
  };
}
