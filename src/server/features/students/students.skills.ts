import { and, eq, inArray } from 'drizzle-orm';
import type { StudentSkillInput } from '../../../shared/students.contract.js';
import type { Executor } from '../../db/client.js';
import { opportunitySkills } from '../../db/schema.js';
import { resolveSkillNames } from '../skills/skill-names.js';
import { studentSkills } from './students.table.js';

interface SkillClaim {
  name: string;
  source: 'declared' | 'course';
  evidence: string | null;
}

export function claimOf(input: StudentSkillInput): SkillClaim {
  if (typeof input === 'string') return { name: input, source: 'declared', evidence: null };
  return { name: input.name, source: input.source ?? 'declared', evidence: input.evidence ?? null };
}

/** Replaces what the student (or their school) states: declared and course skills. Portfolio and work-based-learning evidence stay. */
export async function replaceStatedSkills(tx: Executor, coalitionId: string, studentId: string, inputs: StudentSkillInput[]): Promise<void> {
  const claims = inputs.map(claimOf);
  // A skill may appear once as declared and once per course; resolve each name once.
  const names = [...new Map(claims.map((c) => [c.name.toLowerCase(), c.name])).values()];
  const resolved = await resolveSkillNames(tx, names, 'skills');
  const idOf = new Map(names.map((n, i) => [n.toLowerCase(), resolved[i]!.id]));
  await tx.delete(studentSkills).where(and(eq(studentSkills.coalitionId, coalitionId), eq(studentSkills.studentId, studentId), inArray(studentSkills.source, ['declared', 'course'])));
  const rows = new Map<string, typeof studentSkills.$inferInsert>();
  for (const claim of claims) {
    const ref = claim.source === 'course' ? (claim.evidence ?? '').toLowerCase() : '';
    const row = { coalitionId, studentId, skillId: idOf.get(claim.name.toLowerCase())!, source: claim.source, ref, evidence: claim.source === 'course' ? claim.evidence : null };
    rows.set(`${row.skillId}|${row.source}|${row.ref}`, row);
  }
  if (rows.size > 0) await tx.insert(studentSkills).values([...rows.values()]);
}

/** A portfolio item's skills: evidence with the item's id as ref. */
export async function replacePortfolioSkills(tx: Executor, coalitionId: string, studentId: string, itemId: string, title: string, names: string[]): Promise<void> {
  const resolved = await resolveSkillNames(tx, names, 'skills');
  await tx.delete(studentSkills).where(and(eq(studentSkills.coalitionId, coalitionId), eq(studentSkills.studentId, studentId), eq(studentSkills.source, 'portfolio'), eq(studentSkills.ref, itemId)));
  if (resolved.length > 0) await tx.insert(studentSkills).values(resolved.map((s) => ({ coalitionId, studentId, skillId: s.id, source: 'portfolio', ref: itemId, evidence: title })));
}

/** Completed work-based learning evidences the opportunity's skills (ref = the application). */
export async function recordWorkBasedEvidence(tx: Executor, coalitionId: string, studentId: string, applicationId: string, opportunityId: string, title: string): Promise<void> {
  const asked = await tx.select({ skillId: opportunitySkills.skillId }).from(opportunitySkills).where(and(eq(opportunitySkills.coalitionId, coalitionId), eq(opportunitySkills.opportunityId, opportunityId)));
  if (asked.length === 0) return;
  await tx
    .insert(studentSkills)
    .values(asked.map((s) => ({ coalitionId, studentId, skillId: s.skillId, source: 'work_based_learning', ref: applicationId, evidence: title })))
    .onConflictDoNothing();
}
