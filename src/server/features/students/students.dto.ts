import type { SkillSource, StudentDto, StudentListItemDto, StudentSkillDto, ViewerRelation } from '../../../shared/students.contract.js';
import type { Executor } from '../../db/client.js';
import { isoDates } from '../../platform/dto.js';
import * as q from './students.queries.js';
import { holdsRecord, isMinor } from './students.visibility.js';

type SkillRow = Awaited<ReturnType<typeof q.skillRowsOf>>[number];

/** One entry per skill, with every source and piece of evidence. */
export function groupSkills(rows: SkillRow[]): StudentSkillDto[] {
  const bySkill = new Map<string, StudentSkillDto>();
  for (const row of rows) {
    const skill = bySkill.get(row.id) ?? { id: row.id, name: row.name, sources: [], evidence: [] };
    if (!skill.sources.includes(row.source as SkillSource)) skill.sources.push(row.source as SkillSource);
    if (row.evidence && !skill.evidence.includes(row.evidence)) skill.evidence.push(row.evidence);
    bySkill.set(row.id, skill);
  }
  return [...bySkill.values()];
}

export function toListItem(row: q.StudentRow, skills: SkillRow[], relation: ViewerRelation): StudentListItemDto {
  const { personId: _p, institutionType: _t, dateOfBirth: _d, hoursPerWeek: _h, availableFrom: _a, directoryOptOutAt: _o, ...rest } = row;
  return {
    ...isoDates(rest),
    skills: groupSkills(skills.filter((s) => s.studentId === row.id)).map(({ id, name }) => ({ id, name })),
    viewerRelation: relation,
  };
}

/** The full record; what only the record's holders see is null for an employer. */
export async function toStudentDto(db: Executor, coalitionId: string, row: q.StudentRow, relation: ViewerRelation): Promise<StudentDto> {
  const skillRows = await q.skillRowsOf(db, coalitionId, [row.id]);
  const items = await q.portfolioOf(db, coalitionId, row.id);
  const holder = holdsRecord(relation);
  const consent = holder ? await q.activeConsentOf(db, coalitionId, row.id) : undefined;
  const { personId: _p, institutionType: _t, directoryOptOutAt, ...rest } = row;
  return {
    ...isoDates(rest),
    skills: groupSkills(skillRows),
    viewerRelation: relation,
    dateOfBirth: holder ? row.dateOfBirth : null,
    isMinor: holder ? isMinor(row.dateOfBirth) : null,
    guardianConsent: consent ? isoDates(consent) : null,
    hoursPerWeek: row.hoursPerWeek,
    availableFrom: row.availableFrom,
    equity: holder ? await q.equityOf(db, coalitionId, row.id) : null,
    sharedWith: holder ? (await q.sharesOf(db, coalitionId, row.id)).map(isoDates) : null,
    directoryOptOut: holder ? directoryOptOutAt !== null : null,
    portfolio: items.map((item) => ({
      id: item.id,
      title: item.title,
      url: item.url,
      description: item.description,
      completedOn: item.completedOn,
      createdAt: item.createdAt.toISOString(),
      skills: skillRows.filter((s) => s.source === 'portfolio' && s.ref === item.id).map(({ id, name }) => ({ id, name })),
    })),
  };
}
