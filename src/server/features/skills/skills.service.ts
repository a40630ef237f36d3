import { sql } from 'drizzle-orm';
import type { SkillRefDto, SkillSearchQuery } from '../../../shared/skills.contract.js';
import { skills } from '../../db/schema.js';
import type { TenantCtx } from '../../platform/context.js';
import { likePattern } from '../../platform/pagination.js';
import { anyMember, authorize, definePolicy } from '../../platform/permissions.js';
import { MEMBER_DEFINED } from './skill-names.js';

definePolicy({ 'skill.search': anyMember });

/**
 * Skills to pick from (needs, courses, proposals): reference skills, and the member-defined ones
 * this coalition uses (another coalition's own skill names stay its own). Prefix matches first.
 */
export async function searchSkills(ctx: TenantCtx, query: SkillSearchQuery): Promise<{ items: SkillRefDto[] }> {
  authorize(ctx, 'skill.search');
  const c = ctx.coalition.id;
  const text = query.q ?? '';
  const rows = await ctx.db.execute<SkillRefDto>(sql`
    select s.id, s.name, s.kind from ${skills} s
    where (s.dataset_key <> ${MEMBER_DEFINED}
        or exists (select 1 from hiring_need_skills h where h.coalition_id = ${c} and h.skill_id = s.id)
        or exists (select 1 from course_skills cs where cs.coalition_id = ${c} and cs.skill_id = s.id))
      and (${text} = '' or s.name ilike ${likePattern(text)})
      ${query.kind ? sql`and s.kind = ${query.kind}` : sql``}
    order by (lower(s.name) like ${text.toLowerCase().replace(/[\\%_]/g, (ch) => '\\' + ch) + '%'}) desc, s.name
    limit ${query.limit}`);
  return { items: rows.rows };
}
