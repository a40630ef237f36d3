import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/applications.contract.js';
import type { Page } from '../../../shared/common.contract.js';
import type { CandidateDto, CandidateQuery, MatchDto, MatchQuery } from '../../../shared/matching.contract.js';
import type { OpportunityKind } from '../../../shared/opportunities.contract.js';
import { opportunities, opportunitySkills, organizations, skills, students } from '../../db/schema.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { StatementTemplates } from '../../db/statement-template.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { dataVersion } from '../../platform/data-versions.js';
import { versionedCache } from '../../platform/versioned-cache.js';
import type { TenantCtx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { authorizeRecord } from '../../platform/permissions.js';
import { listedInDirectory, relationTo, studentAccessLogInsert, templateViewer, viewerShape, viewerValues, visibleStudentIds, visibleStudents, type ViewerShape } from '../students/index.js';
import './matching.policy.js';
import * as q from './matching.queries.js';
import { reasonsFor } from './matching.reasons.js';

const today = () => new Date().toISOString().slice(0, 10);

function cursorOf(raw: string | undefined): [number, string] | null {
  const values = decodeCursor(raw, 2);
  return values ? [Number(values[0]), String(values[1])] : null;
}

function pageOf<R extends { score: number; id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor([last.score, last.id]) : null };
}

/** Open opportunities ranked for a student (the student, their school, the Coordinator). */
export async function studentMatches(ctx: TenantCtx, studentId: string, query: MatchQuery): Promise<Page<MatchDto>> {
  const student = await authorizeRecord(ctx, 'matching.matches', () => loadStudent(ctx, studentId), 'Student');
  // The read is logged by the ranking statement itself (the student reading their own is not).
  const logRead = studentAccessLogInsert(ctx, sql`select ${student.id}::uuid as id`, 'GET /students/:id/matches', 'matches');
  const rows = await q.rankMatches(ctx.db, ctx.coalition.id, { ...student, today: today() }, query.limit, cursorOf(query.cursor), logRead);
  return pageOf(rows, query.limit, (r) => ({
    opportunityId: r.id,
    title: r.title,
    kind: r.kind as OpportunityKind,
    employerId: r.employerId,
    employerName: r.employerName,
    startsOn: r.startsOn,
    applicationDeadline: r.applicationDeadline,
    score: r.score,
    reasons: reasonsFor({
      matched: r.matched ?? [],
      evidenced: r.evidenced ?? [],
      required: (r.matched?.length ?? 0) + (r.missing?.length ?? 0),
      pathway: r.pathway,
      pathwayMatch: r.pathwayMatch,
      scheduleFit: r.scheduleFit,
      studentHours: student.hoursPerWeek,
      neededHours: r.hoursPerWeek,
      audiences: r.audiences,
      minimumAge: r.minimumAge,
    }),
    missingSkills: r.missing ?? [],
    applied: r.applicationStatus !== null,
  }));
}

async function loadStudent(ctx: TenantCtx, id: string) {
  const [row] = await ctx.db
    .select({ id: students.id, personId: students.personId, institutionId: students.institutionId, institutionType: organizations.type, pathway: students.pathway, hoursPerWeek: students.hoursPerWeek, availableFrom: students.availableFrom, dateOfBirth: students.dateOfBirth })
    .from(students)
    .innerJoin(organizations, and(eq(organizations.coalitionId, students.coalitionId), eq(organizations.id, students.institutionId)))
    .where(and(eq(students.coalitionId, ctx.coalition.id), eq(students.id, id), visibleStudents(ctx.principal)));
  if (!row) return undefined;
  const audience = row.institutionType === 'k12' ? 'k12' : row.institutionType === 'university' ? 'university' : 'college';
  return { ...row, audience, relation: relationTo(ctx.principal, row) };
}

/**
 * The opportunity with the skills it asks for (id, importance, name): one statement, run by every
 * candidates request, so a named prepared statement (decision 035); its generic plan is key lookups.
 */
const opportunityLookup = preparedPerDatabase((db) => {
  // Aliased: drizzle leaves columns unqualified in a one-table select.
  const required = sql<{ skillId: string; importance: number; name: string }[]>`coalesce((
    select json_agg(json_build_object('skillId', os.skill_id, 'importance', os.importance, 'name', named.name))
    from ${opportunitySkills} os join ${skills} named on named.id = os.skill_id
    where os.coalition_id = ${opportunities}.coalition_id and os.opportunity_id = ${opportunities}.id), '[]'::json)`;
  return db
    .select({ id: opportunities.id, employerId: opportunities.employerId, status: opportunities.status, pathway: opportunities.pathway, hoursPerWeek: opportunities.hoursPerWeek, startsOn: opportunities.startsOn, audiences: opportunities.audiences, minimumAge: opportunities.minimumAge, required })
    .from(opportunities)
    .where(and(eq(opportunities.coalitionId, sql.placeholder('coalitionId')), eq(opportunities.id, sql.placeholder('id'))))
    .prepare('opportunity_with_skills');
});

/**
 * Opportunities with their skills, kept per process under the coalition's opportunities version,
 * which the request read with its session (decision 036): a write to an opportunity, its skills or
 * skill names moves it. Kept values are shared between requests and never changed.
 */
const keptOpportunities = versionedCache({ opportunities: 2000 });

async function loadOpportunity(ctx: TenantCtx, id: string) {
  const read = async () => (await opportunityLookup(ctx.db).execute({ coalitionId: ctx.coalition.id, id }))[0] ?? null;
  const version = dataVersion(ctx.dataVersions, 'opportunities');
  const row = version === undefined ? await read() : await keptOpportunities.remember('opportunities', ctx.coalition.id, [version], id, read);
  // A draft is its host's and the Coordinator's business only.
  if (!row || (row.status === 'draft' && !ctx.principal.roles.has('coordinator') && row.employerId !== ctx.principal.organizationId)) return undefined;
  return row;
}

/** The born-by date that makes someone `years` old on `on` (ISO dates). */
function bornBy(on: string, years: number): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * The candidates statement for callers of this shape, built once (decision 035). Its placeholders
 * are the viewer's (viewerValues), CandidateValues, and employerId, route and reason.
 */
const candidateTemplates = new StatementTemplates();
function candidatesTemplate(viewer: ViewerShape, paged: boolean) {
  return candidateTemplates.get(JSON.stringify([viewer, paged]), () => {
    const { principal, log, coalitionId, adultCutoff } = templateViewer(viewer);
    // A student who opted out of directory information is not offered to the Coordinator's search unless they shared with or applied to this employer.
    const visible = and(visibleStudents(principal, adultCutoff), listedInDirectory(principal, sql.placeholder('employerId')));
    const logRead = (ids: SQL) => studentAccessLogInsert(log, ids, sql.placeholder('route'), sql.placeholder('reason'));
    return q.candidatesStatement(paged, visible, visibleStudentIds(principal, coalitionId, adultCutoff), logRead);
  });
}

/**
 * Students ranked for an opportunity, among those the caller may see (an employer: students who
 * shared with it or applied, adults or with a guardian's consent). Degree-blind: institution and
 * graduation year only with ?showCredentials=true, which is audited and logged per student.
 */
export async function opportunityCandidates(ctx: TenantCtx, opportunityId: string, query: CandidateQuery): Promise<Page<CandidateDto>> {
  const o = await authorizeRecord(ctx, 'matching.candidates', () => loadOpportunity(ctx, opportunityId), 'Opportunity');
  const required = o.required;
  const cursor = cursorOf(query.cursor);
  const rows = await q.rankCandidates(ctx.db, candidatesTemplate(viewerShape(ctx.principal), cursor !== null), {
    ...viewerValues(ctx),
    coalitionId: ctx.coalition.id,
    opportunityId: o.id,
    employerId: o.employerId,
    pathway: o.pathway,
    hoursPerWeek: o.hoursPerWeek,
    startsOn: o.startsOn,
    audiences: o.audiences,
    bornBy: o.minimumAge !== null ? bornBy(o.startsOn ?? today(), o.minimumAge) : null,
    totalImportance: required.reduce((sum, s) => sum + s.importance, 0),
    limit: query.limit,
    pageRows: query.limit + 1,
    cursorScore: cursor?.[0] ?? null,
    cursorId: cursor?.[1] ?? null,
    route: 'GET /opportunities/:id/candidates',
    reason: query.showCredentials ? 'candidates with credentials' : 'candidates',
  });
  const names = new Map(required.map((s) => [s.skillId, s.name]));
  const name = (id: string) => names.get(id) ?? id;
  const shown = rows.slice(0, query.limit);
  if (query.showCredentials && shown.length > 0) {
    await recordAudit(ctx.db, ctx, { action: 'show_credentials', entityType: 'opportunity', entityId: o.id, changes: { students: shown.map((r) => r.id) } });
  }
  const byImportance = [...required].sort((a, b) => b.importance - a.importance || a.skillId.localeCompare(b.skillId));
  return pageOf(rows, query.limit, (r) => ({
    studentId: r.id,
    name: `${r.firstName} ${r.lastName}`,
    pathway: r.pathway,
    score: r.score,
    reasons: reasonsFor({
      matched: (r.matched ?? []).map(name),
      evidenced: (r.evidenced ?? []).map(name),
      required: required.length,
      pathway: o.pathway,
      pathwayMatch: r.pathwayMatch,
      scheduleFit: r.scheduleFit,
      studentHours: r.hoursPerWeek,
      neededHours: o.hoursPerWeek,
      audiences: o.audiences,
      minimumAge: o.minimumAge,
    }),
    missingSkills: byImportance.filter((s) => !(r.matched ?? []).includes(s.skillId)).map((s) => name(s.skillId)),
    applicationStatus: r.applicationStatus as ApplicationStatus | null,
    credentials: query.showCredentials ? { institutionName: r.institutionName, graduationYear: r.graduationYear } : null,
  }));
}

