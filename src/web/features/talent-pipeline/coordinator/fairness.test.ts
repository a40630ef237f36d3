import { describe, expect, it } from 'vitest';
import { fourFifthsLine } from './fairness';

describe('the four-fifths line', () => {
  it('is 80% of the highest shown rate, leaving out suppressed and not-reported groups', () => {
    expect(
      fourFifthsLine([
        { group: 'yes', selectionRate: 0.25, suppressed: false },
        { group: 'no', selectionRate: 0.4, suppressed: false },
        { group: 'not_reported', selectionRate: 0.9, suppressed: false },
      ]),
    ).toBeCloseTo(0.32);
    expect(
      fourFifthsLine([
        { group: 'yes', selectionRate: 0.2, suppressed: false },
        { group: 'no', selectionRate: 0.3, suppressed: false },
        { group: 'not_reported', selectionRate: null, suppressed: true },
      ]),
    ).toBeCloseTo(0.24);
  });

  it('is not drawn when fewer than two groups can be compared', () => {
    expect(fourFifthsLine([{ group: 'yes', selectionRate: 0.3, suppressed: false }, { group: 'no', selectionRate: null, suppressed: true }])).toBeNull();
    expect(fourFifthsLine([])).toBeNull();
  });
});
