import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { referenceDatasets, skills } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';

/** Skills a member named that no reference dataset has: kept, so a need or course may name them. */
export const MEMBER_DEFINED = 'member-defined-skills';

export type ResolvedSkill = {
  id: string;
  name: string;
  kind: 'hard' | 'soft' | 'technology' | 'knowledge';
};

export function memberSkillId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `skill:${slug || 'unnamed'}`;
}

/**
 * Names → skills, in the order given. A known name (any case) is that skill; an unknown one becomes
 * a member-defined hard skill, so a partner's system never fails on a skill the reference data
 * lacks. `field` names the input in a 422 when two names turn out to be the same skill.
 */
export async function resolveSkillNames(tx: Executor, names: string[], field: string): Promise<ResolvedSkill[]> {
  if (names.length === 0) return [];
  const lower = names.map((n) => n.toLowerCase());
  const found = await tx.execute<ResolvedSkill>(sql`select id, name, kind from ${skills} where lower(name) = any(${sql.param(lower)}::text[])`);
  const byName = new Map(found.rows.map((r) => [r.name.toLowerCase(), r]));
  const missing = names.filter((n) => !byName.has(n.toLowerCase()));
  if (missing.length > 0) {
    await tx
      .insert(referenceDatasets)
      .values({ key: MEMBER_DEFINED, name: 'Skills named by coalition members', publisher: 'Coalition members', source: 'Named in hiring needs, courses or curriculum proposals; not in any imported reference dataset', licence: 'Member contributions', rows: 0 })
      .onConflictDoNothing();
    for (const name of missing) {
      const id = memberSkillId(name);
      // The same slug from a differently written name (C# / C++ → "c") must not merge two skills.
      const [row] = await tx.insert(skills).values({ id, name, kind: 'hard', datasetKey: MEMBER_DEFINED }).onConflictDoNothing().returning({ id: skills.id, name: skills.name, kind: skills.kind });
      const existing = row ?? (await tx.execute<ResolvedSkill>(sql`select id, name, kind from ${skills} where id = ${id} or lower(name) = ${name.toLowerCase()}`)).rows[0];
      if (!existing) throw new AppError('internal', 'Could not record a skill');
      if (existing.name.toLowerCase() !== name.toLowerCase()) {
        const withSuffix = { id: `${id}-${Buffer.from(name.toLowerCase()).toString('hex').slice(0, 12)}`, name, kind: 'hard' as const, datasetKey: MEMBER_DEFINED };
        const [other] = await tx.insert(skills).values(withSuffix).onConflictDoNothing().returning({ id: skills.id, name: skills.name, kind: skills.kind });
        byName.set(name.toLowerCase(), other ?? { id: withSuffix.id, name, kind: 'hard' });
      } else byName.set(name.toLowerCase(), existing);
    }
  }
  const out = names.map((n) => byName.get(n.toLowerCase())!);
  const seen = new Set<string>();
  out.forEach((s, i) => {
    if (seen.has(s.id)) throw new AppError('invalid', `${field}: "${names[i]}" is listed twice`, { errors: [{ path: `${field}.${i}`, message: 'This skill is listed twice' }] });
    seen.add(s.id);
  });
  return out;
}
