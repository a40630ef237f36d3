import { and, eq } from 'drizzle-orm';
import type { WeightedSkillInput } from '../../../shared/opportunities.contract.js';
import type { Executor } from '../../db/client.js';
import { resolveSkillNames } from '../skills/skill-names.js';
import { opportunitySkills } from './opportunities.table.js';

export const DEFAULT_IMPORTANCE = 3;

export function weighted(input: WeightedSkillInput): { name: string; importance: number } {
  return typeof input === 'string' ? { name: input, importance: DEFAULT_IMPORTANCE } : { name: input.name, importance: input.importance ?? DEFAULT_IMPORTANCE };
}

/** Replaces an opportunity's skills (names → the skills table; unknown names become member-defined skills). */
export async function replaceOpportunitySkills(tx: Executor, coalitionId: string, opportunityId: string, inputs: WeightedSkillInput[]): Promise<void> {
  const wanted = inputs.map(weighted);
  const resolved = await resolveSkillNames(tx, wanted.map((w) => w.name), 'skills');
  await tx.delete(opportunitySkills).where(and(eq(opportunitySkills.coalitionId, coalitionId), eq(opportunitySkills.opportunityId, opportunityId)));
  if (resolved.length === 0) return;
  await tx.insert(opportunitySkills).values(resolved.map((skill, i) => ({ coalitionId, opportunityId, skillId: skill.id, importance: wanted[i]!.importance })));
}
