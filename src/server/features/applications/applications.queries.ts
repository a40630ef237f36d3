import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ApplicationListQuery } from '../../../shared/applications.contract.js';
import { opportunities, organizations, students, users } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import { decodeCursor, likePattern } from '../../platform/pagination.js';
import { adultCutoff, adultOrConsented, isStaff } from '../students/index.js';
import { applicationStatusChanges, applications, placements } from './applications.table.js';

/**
 * Who sees an application: the student, the Coordinator, the student's institution's staff, and
 * the host's staff, unless it was withdrawn or the student is a minor without a guardian's consent.
 */
export function visibleApplications(principal: Principal, today = new Date()): SQL | undefined {
  if (principal.roles.has('coordinator')) return undefined;
  const own = eq(students.personId, principal.personId);
  if (!isStaff(principal) || !principal.organizationId) return own;
  const org = principal.organizationId;
  return or(own, eq(students.institutionId, org), and(eq(opportunities.employerId, org), ne(applications.status, 'withdrawn'), adultOrConsented(adultCutoff(today))));
}

const columns = {
  id: applications.id,
  studentId: applications.studentId,
  studentName: sql<string>`${students.firstName} || ' ' || ${students.lastName}`,
  studentPersonId: students.personId,
  studentInstitutionId: students.institutionId,
  opportunityId: applications.opportunityId,
  opportunityTitle: opportunities.title,
  opportunityKind: opportunities.kind,
  employerId: opportunities.employerId,
  employerName: organizations.name,
  status: applications.status,
  note: applications.note,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
};
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

function selectApplications(db: Executor) {
  return db
    .select(columns)
    .from(applications)
    .innerJoin(students, and(eq(students.coalitionId, applications.coalitionId), eq(students.id, applications.studentId)))
    .innerJoin(opportunities, and(eq(opportunities.coalitionId, applications.coalitionId), eq(opportunities.id, applications.opportunityId)))
    .innerJoin(organizations, and(eq(organizations.coalitionId, opportunities.coalitionId), eq(organizations.id, opportunities.employerId)));
}

export async function findApplication(db: Executor, coalitionId: string, id: string, visible: SQL | undefined) {
  const [row] = await selectApplications(db).where(and(eq(applications.coalitionId, coalitionId), eq(applications.id, id), visible));
  return row;
}

/** Newest first; the cursor is (createdAt, id). */
export async function listApplications(db: Executor, coalitionId: string, query: ApplicationListQuery, visible: SQL | undefined) {
  const filters: (SQL | undefined)[] = [eq(applications.coalitionId, coalitionId), visible];
  if (query.status) filters.push(eq(applications.status, query.status));
  if (query.opportunityId) filters.push(eq(applications.opportunityId, query.opportunityId));
  if (query.studentId) filters.push(eq(applications.studentId, query.studentId));
  if (query.employerId) filters.push(eq(opportunities.employerId, query.employerId));
  if (query.kind) filters.push(eq(opportunities.kind, query.kind));
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(or(sql`(${students.firstName} || ' ' || ${students.lastName}) ilike ${pattern}`, ilike(students.email, pattern), ilike(students.externalId, pattern), ilike(opportunities.title, pattern)));
  }
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) filters.push(sql`(${applications.createdAt}, ${applications.id}) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
  return selectApplications(db)
    .where(and(...filters))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(query.limit + 1);
}

export async function historyOf(db: Executor, coalitionId: string, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: applicationStatusChanges.applicationId,
      fromStatus: applicationStatusChanges.fromStatus,
      toStatus: applicationStatusChanges.toStatus,
      at: applicationStatusChanges.at,
      byUserId: applicationStatusChanges.byUserId,
      byName: users.name,
      note: applicationStatusChanges.note,
    })
    .from(applicationStatusChanges)
    .leftJoin(users, eq(users.id, applicationStatusChanges.byUserId))
    .where(and(eq(applicationStatusChanges.coalitionId, coalitionId), inArray(applicationStatusChanges.applicationId, applicationIds)))
    .orderBy(asc(applicationStatusChanges.at), asc(applicationStatusChanges.id));
}

export async function placementsOf(db: Executor, coalitionId: string, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: placements.applicationId,
      supervisorName: placements.supervisorName,
      supervisorEmail: placements.supervisorEmail,
      startedOn: placements.startedOn,
      endedOn: placements.endedOn,
      hoursCompleted: placements.hoursCompleted,
      signedOffAt: placements.signedOffAt,
      signedOffBy: users.name,
      outcome: placements.outcome,
    })
    .from(placements)
    .leftJoin(users, eq(users.id, placements.signedOffByUserId))
    .where(and(eq(placements.coalitionId, coalitionId), inArray(placements.applicationId, applicationIds)));
}

export async function existingApplication(db: Executor, coalitionId: string, studentId: string, opportunityId: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.coalitionId, coalitionId), eq(applications.studentId, studentId), eq(applications.opportunityId, opportunityId)));
  return row;
}
