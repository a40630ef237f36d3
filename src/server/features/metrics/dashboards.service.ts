import type { OrganizationDashboardDto } from '../../../shared/metrics.contract.js';
import type { TenantCtx } from '../../platform/context.js';
import { authorizeRecord } from '../../platform/permissions.js';
import { findOrganization } from '../organizations/index.js';
import * as q from './dashboards.queries.js';
import './metrics.policy.js';
import { currentYear } from './metrics.service.js';

const institutionTypes = new Set(['k12', 'college', 'university']);

/** An employer's or an institution's dashboard: its own staff, the Coordinator and the Leadership Council. */
export async function organizationDashboard(ctx: TenantCtx, id: string, year?: number): Promise<OrganizationDashboardDto> {
  const org = await authorizeRecord(ctx, 'dashboard.organization', () => findOrganization(ctx.db, ctx.coalition.id, id), 'Organization');
  const span = { coalitionId: ctx.coalition.id, year: year ?? currentYear(ctx.coalition.timeZone), timeZone: ctx.coalition.timeZone };
  const role = org.type === 'employer' ? 'employer' : institutionTypes.has(org.type) ? 'institution' : 'other';
  const figures = role === 'employer' ? await q.employerFigures(ctx.db, span, id) : role === 'institution' ? await q.institutionFigures(ctx.db, span, id) : {};
  const curriculumChanges = role === 'institution' ? await q.curriculumChangesOf(ctx.db, ctx.coalition.id, id) : [];
  return { organizationId: id, name: org.name, type: org.type, year: span.year, role, figures: Object.entries(figures).map(([key, value]) => ({ key, value })), curriculumChanges };
}
