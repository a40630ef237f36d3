import { and, eq, isNull, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Role } from '../../../shared/common.contract.js';
import type { ViewerRelation } from '../../../shared/students.contract.js';
import { applications, opportunities } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { newId } from '../../platform/auth/secrets.js';
import { uuidV7Sql } from '../../platform/ids.js';
import type { Principal, TenantCtx } from '../../platform/context.js';
import { guardianConsents, studentAccessLog, studentShares, students } from './students.table.js';

/**
 * Who may see a student's record (FERPA-style education records):
 * - the student (their person record is linked to it);
 * - the Coordinator;
 * - staff (any role but student) of the student's institution;
 * - staff of an organization the student shared their profile with or applied to (an application
 *   not withdrawn), and only when the student is an adult today or a guardian's consent is on
 *   record. An unknown date of birth counts as a minor.
 * Everything that reads students (lists, records, matches, applications, exports) filters through
 * this one predicate, so a record nobody may see is simply not found. A candidate search starts from
 * visibleStudentIds below, the same rule written as a set: change one, change the other
 * (students.visibility.test.ts holds them equal; decision 034).
 */

export const isStaff = (principal: Principal) => [...principal.roles].some((role) => role !== 'student');

/** A value in a statement: itself, or a placeholder where the statement is kept as a template (db/statement-template.ts). */
type Bindable = string | SQLWrapper;

/** The last birthday that makes someone 18 today (ISO date). */
export function adultCutoff(today = new Date()): string {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear() - 18, today.getUTCMonth(), today.getUTCDate()));
  // 29 February → 1 March in a year without it (Date.UTC rolls over), which is when they turn 18.
  return cutoff.toISOString().slice(0, 10);
}

export function isMinor(dateOfBirth: string | null, today = new Date()): boolean {
  return dateOfBirth === null || dateOfBirth > adultCutoff(today);
}

export const hasActiveConsent = sql`exists (select 1 from ${guardianConsents} where ${guardianConsents.coalitionId} = ${students.coalitionId} and ${guardianConsents.studentId} = ${students.id} and ${guardianConsents.revokedAt} is null)`;

/** Adult today (born by `cutoff`: adultCutoff()), or a guardian consented: what any employer's sight needs. */
export function adultOrConsented(cutoff: Bindable = adultCutoff()): SQL {
  return or(lte(students.dateOfBirth, cutoff), hasActiveConsent)!;
}

/**
 * The two ways a student discloses their record to an organization, each as `from … where …` over
 * rows that name the student: a share with it, and an application (not withdrawn) to one of its
 * opportunities. The predicate (sharedWithOrAppliedTo) and the set (visibleStudentIds) both read these.
 */
function disclosuresTo(organizationId: Bindable) {
  return [
    { coalitionId: studentShares.coalitionId, studentId: studentShares.studentId, rows: sql`${studentShares} where ${studentShares.organizationId} = ${organizationId}` },
    {
      coalitionId: applications.coalitionId,
      studentId: applications.studentId,
      rows: sql`${applications} inner join ${opportunities} on ${opportunities.coalitionId} = ${applications.coalitionId} and ${opportunities.id} = ${applications.opportunityId}
        where ${opportunities.employerId} = ${organizationId} and ${applications.status} <> 'withdrawn'`,
    },
  ];
}

/** The student shared with the organization, or has a live application to one of its opportunities. */
export function sharedWithOrAppliedTo(organizationId: Bindable): SQL {
  return or(...disclosuresTo(organizationId).map((d) => sql`exists (select 1 from ${d.rows} and ${d.coalitionId} = ${students.coalitionId} and ${d.studentId} = ${students.id})`))!;
}

/** The predicate on `students` for what this caller may see; undefined = everything (the Coordinator). */
export function visibleStudents(principal: Principal, cutoff: Bindable = adultCutoff()): SQL | undefined {
  if (principal.roles.has('coordinator')) return undefined;
  const own = eq(students.personId, principal.personId);
  if (!isStaff(principal) || !principal.organizationId) return own;
  const org = principal.organizationId;
  return or(own, eq(students.institutionId, org), and(sharedWithOrAppliedTo(org), adultOrConsented(cutoff)));
}

/**
 * FERPA directory information. The Coordinator sees every record, but lists, exports and candidate
 * searches are directories: a student who opted out is left out of the Coordinator's, unless the
 * student is tied to the Coordinator otherwise (their own record, their own institution) or, in a
 * search for an employer's opportunity, the student shared their profile with or applied to that
 * employer (their own act of disclosure). Everyone else already needs such a tie to see a student
 * at all, so the opt-out changes nothing for them. undefined: no restriction.
 */
export function listedInDirectory(principal: Principal, forEmployerId?: Bindable): SQL | undefined {
  if (!principal.roles.has('coordinator')) return undefined;
  return or(
    isNull(students.directoryOptOutAt),
    eq(students.personId, principal.personId),
    principal.organizationId ? eq(students.institutionId, principal.organizationId) : undefined,
    forEmployerId ? sharedWithOrAppliedTo(forEmployerId) : undefined,
  );
}

/**
 * `visibleStudents` as a set: the ids of exactly the students it lets this caller see, for a ranking
 * over every student of a region to start from the few a caller may see (an employer's candidates).
 * Each ground of the predicate is written here once more as the rows it admits, in the same order
 * (what a disclosure is, and adult-or-consented, come from the same fragments as the predicate's);
 * students.visibility.test.ts holds the two equal for every organization and student of a seeded
 * coalition, minors, withdrawn applications and revoked consents included. undefined: the
 * Coordinator (every student).
 */
export function visibleStudentIds(principal: Principal, coalitionId: Bindable, cutoff: Bindable = adultCutoff()): SQL | undefined {
  if (principal.roles.has('coordinator')) return undefined;
  const inCoalition = eq(students.coalitionId, coalitionId);
  // own
  const own = sql`select ${students.id} as id from ${students} where ${inCoalition} and ${students.personId} = ${principal.personId}`;
  if (!isStaff(principal) || !principal.organizationId) return own;
  const org = principal.organizationId;
  // the student's institution
  const institution = sql`select ${students.id} from ${students} where ${inCoalition} and ${students.institutionId} = ${org}`;
  // shared with or applied to the organization (sharedWithOrAppliedTo), adult or consented
  const disclosedTo = sql.join(disclosuresTo(org).map((d) => sql`select ${d.studentId} from ${d.rows} and ${d.coalitionId} = ${coalitionId}`), sql` union `);
  const disclosed = sql`select ${students.id} from ${students} where ${inCoalition} and ${students.id} in (${disclosedTo}) and ${adultOrConsented(cutoff)}`;
  return sql`${own} union ${institution} union ${disclosed}`;
}

export function relationTo(principal: Principal, student: { personId: string | null; institutionId: string }): ViewerRelation {
  if (student.personId !== null && student.personId === principal.personId) return 'self';
  if (principal.roles.has('coordinator')) return 'coordinator';
  if (isStaff(principal) && principal.organizationId === student.institutionId) return 'institution';
  return 'employer';
}

/** Holders of the education record: they see date of birth, consent, equity and shares. */
export const holdsRecord = (relation: ViewerRelation) => relation !== 'employer';

/**
 * Logs that the caller read these students' records (the student reading their own is not logged).
 * `route` names the endpoint, `reason` what was read (record, list, candidates, credentials…).
 */
export async function logStudentAccess(db: Executor, ctx: TenantCtx, records: { id: string; personId: string | null }[], route: string, reason: string): Promise<void> {
  const others = records.filter((r) => r.personId === null || r.personId !== ctx.principal.personId);
  if (others.length === 0) return;
  const ids = [...new Set(others.map((r) => r.id))];
  await db.insert(studentAccessLog).values(
    ids.map((studentId) => ({
      coalitionId: ctx.coalition.id,
      id: newId(),
      studentId,
      actorUserId: ctx.actor.userId,
      actorPersonId: ctx.principal.personId,
      actorOrganizationId: ctx.principal.organizationId,
      route,
      reason,
    })),
  );
}

/**
 * `logStudentAccess` as a statement to run inside the query that reads the students (a
 * data-modifying CTE), saving a round trip: `ids` selects the ids of the students read.
 */
export function studentAccessLogInsert(ctx: AccessLogViewer, ids: SQL, route: Bindable, reason: Bindable): SQL {
  return sql`insert into ${studentAccessLog} (coalition_id, id, student_id, actor_user_id, actor_person_id, actor_organization_id, route, reason)
    select ${ctx.coalition.id}::uuid, ${uuidV7Sql}, read.id, ${ctx.actor.userId}::uuid, ${ctx.principal.personId}::uuid, ${ctx.principal.organizationId}::uuid, ${route}::text, ${reason}::text
    from (${ids}) read join ${students} on ${students.coalitionId} = ${ctx.coalition.id} and ${students.id} = read.id
    where ${students.personId} is distinct from ${ctx.principal.personId}::uuid`;
}

/** Who is reading, as the access log records it (a TenantCtx is one). */
export interface AccessLogViewer {
  coalition: { id: Bindable };
  actor: { userId: Bindable };
  principal: { personId: Bindable; organizationId: Bindable | null };
}

/**
 * What the visibility rule's SQL depends on besides values: callers of the same shape get the same
 * text, so a statement reading students can be kept as a template per shape (decision 035).
 */
export interface ViewerShape {
  coordinator: boolean;
  staff: boolean;
  organization: boolean;
}

export function viewerShape(principal: Principal): ViewerShape {
  return { coordinator: principal.roles.has('coordinator'), staff: isStaff(principal), organization: Boolean(principal.organizationId) };
}

/** The placeholders templateViewer puts where viewerValues' values go. */
const viewerPlaceholders = {
  coalitionId: sql.placeholder('viewerCoalitionId'),
  userId: sql.placeholder('viewerUserId'),
  personId: sql.placeholder('viewerPersonId'),
  organizationId: sql.placeholder('viewerOrganizationId'),
  adultCutoff: sql.placeholder('viewerAdultCutoff'),
};

/**
 * A viewer of this shape for building a template: the rule's functions branch on it exactly as on
 * a real caller of the shape, and every value they read is a placeholder (a Principal's ids are
 * strings to its type, hence the casts; compileTemplate refuses any value that is not one).
 */
export function templateViewer(shape: ViewerShape): { principal: Principal; log: AccessLogViewer; coalitionId: SQLWrapper; adultCutoff: SQLWrapper } {
  const roles = new Set<Role>(shape.coordinator ? ['coordinator'] : shape.staff ? ['member'] : ['student']);
  const p = viewerPlaceholders;
  const principal: Principal = {
    personId: p.personId as unknown as string,
    roles,
    organizationId: shape.organization ? (p.organizationId as unknown as string) : null,
    organizationType: null,
  };
  return { principal, log: { coalition: { id: p.coalitionId }, actor: { userId: p.userId }, principal }, coalitionId: p.coalitionId, adultCutoff: p.adultCutoff };
}

/** The values for templateViewer's placeholders, for this caller today. */
export function viewerValues(ctx: { coalition: { id: string }; actor: { userId: string }; principal: Principal }, today = new Date()) {
  return {
    viewerCoalitionId: ctx.coalition.id,
    viewerUserId: ctx.actor.userId,
    viewerPersonId: ctx.principal.personId,
    viewerOrganizationId: ctx.principal.organizationId,
    viewerAdultCutoff: adultCutoff(today),
  };
}
