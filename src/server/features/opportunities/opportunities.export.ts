import type { TenantCtx } from '../../platform/context.js';
import { toCsv } from '../../platform/imports/csv.js';
import { encodeCursor } from '../../platform/pagination.js';
import { authorize } from '../../platform/permissions.js';
import './opportunities.policy.js';
import * as q from './opportunities.queries.js';
import { viewerOf } from './opportunities.service.js';

const header = ['external_id', 'employer', 'kind', 'title', 'skills', 'starts_on', 'ends_on', 'seats', 'description', 'institution', 'pathway', 'audiences', 'compensation', 'pay_amount', 'pay_unit', 'application_deadline', 'hours_per_week', 'minimum_age', 'modality', 'location', 'status'];

/** Every opportunity the caller sees, in the import's columns (so the file can be imported again). */
export async function opportunitiesCsv(ctx: TenantCtx): Promise<string> {
  authorize(ctx, 'opportunity.export');
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await q.listOpportunities(ctx.db, ctx.coalition.id, { limit: 200, cursor }, viewerOf(ctx));
    const items = page.slice(0, 200);
    const skills = await q.skillsOf(ctx.db, ctx.coalition.id, items.map((o) => o.id));
    for (const o of items) {
      const own = skills.filter((s) => s.opportunityId === o.id).map((s) => (s.importance === 3 ? s.name : `${s.name}:${s.importance}`));
      rows.push([o.externalId, o.employerName, o.kind, o.title, own.join(';'), o.startsOn, o.endsOn, o.seats, o.description, o.institutionName, o.pathway, o.audiences.join(';'), o.compensation, o.payAmount, o.payUnit, o.applicationDeadline, o.hoursPerWeek, o.minimumAge, o.modality, o.location, o.status]);
    }
    const last = items[items.length - 1];
    if (page.length <= 200 || !last) break;
    cursor = encodeCursor([last.title, last.id]);
  }
  return toCsv(header, rows);
}
