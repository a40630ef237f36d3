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

/** Plain-language reasons for a score, naming the skills that matched; each with a code and params for translation. */
export function reasonsFor(r: ReasonInput): MatchReasonDto[] {
  const reasons: MatchReasonDto[] = [];
  if (r.matched.length > 0)
    reasons.push({ kind: 'skills', message: `Has ${r.matched.length} of the ${r.required} skills asked for: ${r.matched.join(', ')}`, skills: r.matched, code: 'skills_matched', params: { matched: r.matched.length, required: r.required, skills: r.matched } });
  if (r.evidenced.length > 0)
    reasons.push({ kind: 'evidence', message: `Shown by courses, work-based learning or projects: ${r.evidenced.join(', ')}`, skills: r.evidenced, code: 'skills_evidenced', params: { skills: r.evidenced } });
  if (r.pathwayMatch && r.pathway) reasons.push({ kind: 'pathway', message: `Same pathway: ${r.pathway}`, code: 'same_pathway', params: { pathway: r.pathway } });
  const hours = r.neededHours !== null && r.studentHours !== null ? { studentHours: r.studentHours, neededHours: r.neededHours } : null;
  if (r.scheduleFit === true)
    reasons.push(hours ? { kind: 'schedule', message: `Available ${hours.studentHours} h a week; ${hours.neededHours} needed`, code: 'hours_fit', params: hours } : { kind: 'schedule', message: 'Available when it starts', code: 'available_at_start', params: {} });
  else if (r.scheduleFit === false)
    reasons.push(
      hours && hours.studentHours < hours.neededHours
        ? { kind: 'schedule', message: `Available ${hours.studentHours} h a week; ${hours.neededHours} needed`, code: 'hours_short', params: hours }
        : { kind: 'schedule', message: 'Not available by the start date', code: 'not_available_by_start', params: {} },
    );
  else reasons.push({ kind: 'schedule', message: 'Schedule not stated', code: 'schedule_unknown', params: {} });
  const who = r.audiences.length > 0 ? `open to ${r.audiences.join(', ')} students` : 'open to every student';
  reasons.push({
    kind: 'eligibility',
    message: r.minimumAge !== null ? `Eligible: ${who}, aged ${r.minimumAge}+ at the start` : `Eligible: ${who}`,
    code: 'eligible',
    params: { audiences: r.audiences, minimumAge: r.minimumAge },
  });
  return reasons;
}
