import type { FlagDto } from '../../../shared/labor-market.contract.js';
import type { FlagInputs } from './hiring-needs.queries.js';

interface NeedForFlags {
  soc: string;
  level: 'entry' | 'middle' | 'management';
  degreeRequired: boolean;
  degreeLevel: string | null;
  skills: { name: string; skillId: string; kind: string; level: string | null }[];
}

const JOB_ZONE_NAMES: Record<number, string> = {
  1: 'little or no preparation needed',
  2: 'some preparation needed: usually a high-school diploma',
  3: "medium preparation needed: vocational training, on-the-job experience or an associate's degree",
};

const listed = (names: string[], max = 4) => (names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', '));

/**
 * Rules, not judgements: each flag says which fact it rests on. A degree requirement is flagged when
 * the skills the need asks for do not call for one (Chapter 3, factor 3: "an over-reliance on
 * credentials that may not align with the actual skills required"), so employers see where they
 * could widen the aperture.
 */
export function needFlags(need: NeedForFlags, inputs: FlagInputs): FlagDto[] {
  const flags: FlagDto[] = [];
  const successors = inputs.successors.get(need.soc);
  if (successors) {
    flags.push({ code: 'soc_2010', message: `${need.soc} is a SOC 2010 code; in SOC 2018 it is ${successors.map((s) => `${s.soc} ${s.title}`).join(' or ')}.` });
  }
  if (!need.degreeRequired) return flags;

  const hard = need.skills.filter((s) => s.kind !== 'soft');
  if (need.skills.length > 0 && hard.length === 0) {
    flags.push({ code: 'degree_not_called_for', message: 'A degree is required, but the need asks only for soft skills, which no degree certifies. Consider hiring on skills to widen the aperture.' });
  } else if (hard.length > 0 && hard.every((s) => inputs.nonDegree.has(s.skillId))) {
    const where = [...new Set(hard.flatMap((s) => inputs.nonDegree.get(s.skillId)!))];
    flags.push({
      code: 'degree_not_called_for',
      message: `A degree is required, but every hard skill asked for (${listed(hard.map((s) => s.name))}) is taught here without one: ${listed(where, 3)}. Consider hiring on skills to widen the aperture.`,
    });
  }

  const zone = inputs.jobZones.get(need.soc);
  const bachelorOrMore = need.degreeLevel === null || need.degreeLevel !== 'associate';
  if (zone !== undefined && zone <= 3 && bachelorOrMore) {
    flags.push({ code: 'degree_above_job_zone', message: `O*NET places ${need.soc} in job zone ${zone} (${JOB_ZONE_NAMES[zone]}), below a bachelor's degree.` });
  }

  const rated = hard.filter((s) => s.level !== null);
  if (need.level === 'entry' && hard.length > 0 && rated.length === hard.length && rated.every((s) => s.level !== 'advanced')) {
    flags.push({ code: 'degree_for_entry_skills', message: 'An entry-level role whose hard skills are all asked at beginner or intermediate level, yet a degree is required.' });
  }
  return flags;
}
