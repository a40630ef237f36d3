import { describe, expect, it } from 'vitest';
import { reasonsFor, type ReasonInput } from './matching.reasons.js';

const base: ReasonInput = { matched: [], evidenced: [], required: 3, pathway: null, pathwayMatch: false, scheduleFit: null, studentHours: null, neededHours: null, audiences: [], minimumAge: null };
const codes = (r: ReasonInput) => reasonsFor(r).map((x) => [x.code, x.params]);

describe('match reasons carry a code and params beside the English message', () => {
  it('says each schedule case with its own code', () => {
    expect(codes({ ...base, scheduleFit: true, studentHours: 20, neededHours: 15 })[0]).toEqual(['hours_fit', { studentHours: 20, neededHours: 15 }]);
    expect(codes({ ...base, scheduleFit: true })[0]).toEqual(['available_at_start', {}]);
    expect(codes({ ...base, scheduleFit: false, studentHours: 10, neededHours: 15 })[0]).toEqual(['hours_short', { studentHours: 10, neededHours: 15 }]);
    expect(codes({ ...base, scheduleFit: false, studentHours: 20, neededHours: 15 })[0]).toEqual(['not_available_by_start', {}]);
    expect(codes(base)[0]).toEqual(['schedule_unknown', {}]);
  });

  it('names eligibility by audience codes, and every student when there are none', () => {
    expect(codes(base).at(-1)).toEqual(['eligible', { audiences: [], minimumAge: null }]);
    const [last] = reasonsFor({ ...base, audiences: ['k12'], minimumAge: 16 }).slice(-1);
    expect(last).toEqual({ kind: 'eligibility', message: 'Eligible: open to k12 students, aged 16+ at the start', code: 'eligible', params: { audiences: ['k12'], minimumAge: 16 } });
  });

  it('leaves out the pathway reason unless the pathway matched', () => {
    expect(codes({ ...base, pathway: 'Networking' }).map(([c]) => c)).not.toContain('same_pathway');
    expect(codes({ ...base, pathway: 'Networking', pathwayMatch: true, matched: ['Linux'], evidenced: ['Linux'] }).map(([c]) => c)).toEqual(['skills_matched', 'skills_evidenced', 'same_pathway', 'schedule_unknown', 'eligible']);
  });
});
