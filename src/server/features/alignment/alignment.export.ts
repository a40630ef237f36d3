import type { OccupationAlignmentQuery, SkillAlignmentQuery } from '../../../shared/alignment.contract.js';
import type { TenantCtx } from '../../platform/context.js';
import { toCsv } from '../../platform/imports/csv.js';
import { occupationsAlignment, skillsAlignment } from './alignment.service.js';

export async function skillGapCsv(ctx: TenantCtx, query: SkillAlignmentQuery): Promise<string> {
  const { items, method } = await skillsAlignment(ctx, query);
  const header = ['skill_id', 'skill', 'kind', 'demand', 'supply', 'gap', 'needs', 'positions', 'courses', 'institutions'];
  const rows: unknown[][] = items.map((i) => [i.skillId, i.skill, i.kind, i.demand, i.supply, i.gap, i.needs, i.positions, i.courses, i.institutions]);
  rows.push(['', `Method: ${method}`]);
  return toCsv(header, rows);
}

export async function occupationGapCsv(ctx: TenantCtx, query: OccupationAlignmentQuery): Promise<string> {
  const { items, method } = await occupationsAlignment(ctx, query);
  const header = ['soc', 'title', 'projected_openings', 'declared_positions', 'demand', 'supply', 'pipeline', 'gap', 'percent_change', 'needs', 'programs', 'flags'];
  const rows: unknown[][] = items.map((o) => [o.soc, o.title, o.projectedOpenings, o.declaredPositions, o.demand, o.supply, o.pipeline, o.gap, o.percentChange, o.needs, o.programs, o.flags.map((f) => f.message).join(' | ')]);
  rows.push(['', `Method: ${method}`]);
  return toCsv(header, rows);
}
