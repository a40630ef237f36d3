import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/common.contract.js';
import type { AccessLogEntryDto, StudentRecordExportDto } from '../../../shared/students.contract.js';
import { applicationStatusChanges, applications, opportunities, organizations, placements, users } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { beforeTimeCursor, decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { authorizeRecord } from '../../platform/permissions.js';
import { toStudentDto } from './students.dto.js';
import './students.policy.js';
import { loadVisible } from './students.service.js';
import { studentAccessLog } from './students.table.js';

async function accessLogPage(db: Executor, coalitionId: string, studentId: string, limit: number, cursor?: string) {
  const rows = await db
    .select({ id: studentAccessLog.id, at: studentAccessLog.at, actorUserId: studentAccessLog.actorUserId, actorName: users.name, organizationName: organizations.name, route: studentAccessLog.route, reason: studentAccessLog.reason })
    .from(studentAccessLog)
    .leftJoin(users, eq(users.id, studentAccessLog.actorUserId))
    .leftJoin(organizations, and(eq(organizations.coalitionId, studentAccessLog.coalitionId), eq(organizations.id, studentAccessLog.actorOrganizationId)))
    .where(
      and(
        eq(studentAccessLog.coalitionId, coalitionId),
        eq(studentAccessLog.studentId, studentId),
        beforeTimeCursor(studentAccessLog.at, studentAccessLog.id, decodeCursor(cursor, 2)),
      ),
    )
    .orderBy(desc(studentAccessLog.at), desc(studentAccessLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(isoDates), nextCursor: rows.length > limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null };
}

/** Who read this student's record, and when (newest first): for the student and the Coordinator. */
export async function getAccessLog(ctx: TenantCtx, studentId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<AccessLogEntryDto>> {
  await authorizeRecord(ctx, 'student.readAccessLog', () => loadVisible(ctx, studentId), 'Student');
  return accessLogPage(ctx.db, ctx.coalition.id, studentId, query.limit, query.cursor);
}

/** The student's own record, complete: profile, applications with their history, and who read it. */
export async function exportRecord(ctx: TenantCtx, studentId: string): Promise<StudentRecordExportDto> {
  const student = await authorizeRecord(ctx, 'student.exportRecord', () => loadVisible(ctx, studentId), 'Student');
  const apps = await ctx.db
    .select({ id: applications.id, opportunityId: applications.opportunityId, opportunityTitle: opportunities.title, opportunityKind: opportunities.kind, employerName: organizations.name, status: applications.status, createdAt: applications.createdAt })
    .from(applications)
    .innerJoin(opportunities, and(eq(opportunities.coalitionId, applications.coalitionId), eq(opportunities.id, applications.opportunityId)))
    .innerJoin(organizations, and(eq(organizations.coalitionId, opportunities.coalitionId), eq(organizations.id, opportunities.employerId)))
    .where(and(eq(applications.coalitionId, ctx.coalition.id), eq(applications.studentId, studentId)))
    .orderBy(asc(applications.createdAt));
  const ids = apps.map((a) => a.id);
  const history = ids.length
    ? await ctx.db
        .select({ applicationId: applicationStatusChanges.applicationId, fromStatus: applicationStatusChanges.fromStatus, toStatus: applicationStatusChanges.toStatus, at: applicationStatusChanges.at, note: applicationStatusChanges.note })
        .from(applicationStatusChanges)
        .where(and(eq(applicationStatusChanges.coalitionId, ctx.coalition.id), inArray(applicationStatusChanges.applicationId, ids)))
        .orderBy(asc(applicationStatusChanges.at))
    : [];
  const placementRows = ids.length
    ? await ctx.db
        .select({ applicationId: placements.applicationId, startedOn: placements.startedOn, endedOn: placements.endedOn, hoursCompleted: placements.hoursCompleted, supervisorName: placements.supervisorName, signedOffAt: sql<string | null>`${placements.signedOffAt}::text`, outcome: placements.outcome })
        .from(placements)
        .where(and(eq(placements.coalitionId, ctx.coalition.id), inArray(placements.applicationId, ids)))
    : [];
  const log = await accessLogPage(ctx.db, ctx.coalition.id, studentId, 1000);
  return {
    exportedAt: new Date().toISOString(),
    student: await toStudentDto(ctx.db, ctx.coalition.id, student, student.relation),
    applications: apps.map((a) => ({
      ...isoDates(a),
      history: history.filter((h) => h.applicationId === a.id).map(({ applicationId: _a, ...h }) => isoDates(h)),
      placement: placementRows.find((p) => p.applicationId === a.id) ?? null,
    })),
    accessLog: log.items,
  };
}
