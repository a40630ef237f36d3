import type { MatchReasonDto } from '../../../shared/matching.contract.js';

export interface ReasonInput {
  matched: string[];
  evidenced: string[];
  required: number;
  pathway: string | null;
  pathwayMatch: boolean;
  scheduleFit: boolean | null;
  studentHours: number | null;
  neededHours: number | null;
  audiences: string[];
  minimumAge: number | null;
}

/** Plain-language reasons for a score, naming the skills that matched. */
export function reasonsFor(r: ReasonInput): MatchReasonDto[] {
  const reasons: MatchReasonDto[] = [];
  if (r.matched.length > 0) reasons.push({ kind: 'skills', message: `Has ${r.matched.length} of the ${r.required} skills asked for: ${r.matched.join(', ')}`, skills: r.matched });
  if (r.evidenced.length > 0) reasons.push({ kind: 'evidence', message: `Shown by courses, work-based learning or projects: ${r.evidenced.join(', ')}`, skills: r.evidenced });
  if (r.pathwayMatch && r.pathway) reasons.push({ kind: 'pathway', message: `Same pathway: ${r.pathway}` });
  if (r.scheduleFit === true) reasons.push({ kind: 'schedule', message: r.neededHours !== null && r.studentHours !== null ? `Available ${r.studentHours} h a week; ${r.neededHours} needed` : 'Available when it starts' });
  else if (r.scheduleFit === false) reasons.push({ kind: 'schedule', message: r.neededHours !== null && r.studentHours !== null && r.studentHours < r.neededHours ? `Available ${r.studentHours} h a week; ${r.neededHours} needed` : 'Not available by the start date' });
  else reasons.push({ kind: 'schedule', message: 'Schedule not stated' });
  const who = r.audiences.length > 0 ? `open to ${r.audiences.join(', ')} students` : 'open to every student';
  reasons.push({ kind: 'eligibility', message: r.minimumAge !== null ? `Eligible: ${who}, aged ${r.minimumAge}+ at the start` : `Eligible: ${who}` });
  return reasons;
}
