import type { ProgramListQuery } from '../../../shared/programs.contract.js';
import type { TenantCtx } from '../../platform/context.js';
import { toCsv } from '../../platform/imports/csv.js';
import { allPrograms } from './programs.service.js';

/** One row per course (a program without courses gets one row), so skills stay next to their course. */
export async function programsCsv(ctx: TenantCtx, query: Omit<ProgramListQuery, 'limit' | 'cursor'>): Promise<string> {
  const items = await allPrograms(ctx, query);
  const header = ['program_id', 'external_id', 'institution', 'program', 'award_level', 'cip', 'cip_title', 'pathway', 'tech_focused', 'specialty_skill_class', 'partners', 'latest_year', 'enrollment', 'completions', 'occupations', 'course_id', 'course_code', 'course', 'course_enrollment', 'course_skills'];
  const rows = items.flatMap((p) => {
    const head = [p.id, p.externalId, p.institutionName, p.title, p.awardLevel, p.cip, p.cipTitle, p.pathway, p.techFocused ? 'yes' : 'no', p.specialtySkillClass ? 'yes' : 'no', p.partners.map((o) => o.name), p.latestOutcome?.year, p.latestOutcome?.enrollment, p.latestOutcome?.completions, p.occupations.map((o) => o.soc)];
    if (p.courses.length === 0) return [[...head, '', '', '', '', '']];
    return p.courses.map((c) => [...head, c.id, c.code, c.title, c.annualEnrollment, c.skills]);
  });
  return toCsv(header, rows);
}
