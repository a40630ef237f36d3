import type { FairnessDto } from '../../../../shared/applications.contract';

type Group = Pick<FairnessDto['groups'][number], 'group' | 'selectionRate' | 'suppressed'>;

/**
 * The four-fifths line of one attribute: 80% of the highest selection rate, compared the way the
 * server flags groups (shown groups only, "not reported" left out, at least two groups to compare).
 * Null when there is nothing to compare.
 */
export function fourFifthsLine(groups: Group[]): number | null {
  const rates = groups.filter((g) => !g.suppressed && g.selectionRate !== null && g.group !== 'not_reported').map((g) => g.selectionRate!);
  return rates.length < 2 ? null : Math.max(...rates) * 0.8;
}
