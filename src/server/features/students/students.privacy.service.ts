import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Page } from '../../../shared/common.contract.js';
import type { CorrectionListQuery, CorrectionRequestDto, DirectoryOptOutDto, correctionRequestInput, correctionResolveInput } from '../../../shared/students.contract.js';
import { users } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { beforeTimeCursor, decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import './students.policy.js';
import { loadVisible } from './students.service.js';
import { studentCorrectionRequests, students } from './students.table.js';

/** The student (or their school, on the student's written request) opts out of directory information, or back in. */
export async function setDirectoryOptOut(ctx: TenantCtx, studentId: string, optOut: boolean): Promise<DirectoryOptOutDto> {
  const student = await authorizeRecord(ctx, 'student.setDirectoryOptOut', () => loadVisible(ctx, studentId), 'Student');
  const was = student.directoryOptOutAt !== null;
  if (was === optOut) return { optOut, since: student.directoryOptOutAt?.toISOString() ?? null };
  const since = optOut ? new Date() : null;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(students)
      .set({ directoryOptOutAt: since })
      .where(and(eq(students.coalitionId, ctx.coalition.id), eq(students.id, studentId)));
    await recordAudit(tx, ctx, { action: optOut ? 'directory_opt_out' : 'directory_opt_in', entityType: 'student', entityId: studentId });
  });
  return { optOut, since: since?.toISOString() ?? null };
}

const requester = alias(users, 'requester');
const resolver = alias(users, 'resolver');
const r = studentCorrectionRequests;

async function correctionPage(db: Executor, coalitionId: string, where: (SQL | undefined)[], limit: number, cursor?: string): Promise<Page<CorrectionRequestDto>> {
  const rows = await db
    .select({
      id: r.id,
      studentId: r.studentId,
      studentName: sql<string>`${students.firstName} || ' ' || ${students.lastName}`,
      field: r.field,
      requestedValue: r.requestedValue,
      reason: r.reason,
      status: r.status,
      requestedBy: requester.name,
      createdAt: r.createdAt,
      resolvedBy: resolver.name,
      resolvedAt: r.resolvedAt,
      resolutionNote: r.resolutionNote,
    })
    .from(r)
    .innerJoin(students, and(eq(students.coalitionId, r.coalitionId), eq(students.id, r.studentId)))
    .leftJoin(requester, eq(requester.id, r.requestedByUserId))
    .leftJoin(resolver, eq(resolver.id, r.resolvedByUserId))
    .where(and(eq(r.coalitionId, coalitionId), ...where, beforeTimeCursor(r.createdAt, r.id, decodeCursor(cursor, 2))))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((row) => ({
      ...row,
      field: row.field as CorrectionRequestDto['field'],
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

async function oneRequest(db: Executor, coalitionId: string, id: string): Promise<CorrectionRequestDto> {
  const page = await correctionPage(db, coalitionId, [eq(r.id, id)], 1);
  return page.items[0]!;
}

/** The student asks for a part of their record to be corrected. */
export async function requestCorrection(ctx: TenantCtx, studentId: string, input: z.infer<typeof correctionRequestInput>): Promise<CorrectionRequestDto> {
  await authorizeRecord(ctx, 'student.requestCorrection', () => loadVisible(ctx, studentId), 'Student');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(r).values({ coalitionId: ctx.coalition.id, id, studentId, ...input, requestedByUserId: ctx.actor.userId });
    // The field and the request's id; the requested value stays in the request, not copied into the audit trail.
    await recordAudit(tx, ctx, { action: 'request_correction', entityType: 'student', entityId: studentId, changes: { requestId: id, field: input.field } });
  });
  return oneRequest(ctx.db, ctx.coalition.id, id);
}

/** A student's correction requests, newest first: for the student, their institution and the Coordinator. */
export async function listStudentCorrections(ctx: TenantCtx, studentId: string, query: CorrectionListQuery): Promise<Page<CorrectionRequestDto>> {
  await authorizeRecord(ctx, 'student.readCorrections', () => loadVisible(ctx, studentId), 'Student');
  return correctionPage(ctx.db, ctx.coalition.id, [eq(r.studentId, studentId), query.status ? eq(r.status, query.status) : undefined], query.limit, query.cursor);
}

/** The review queue: every request for the Coordinator, the school's own students' for its staff. */
export async function listCorrectionQueue(ctx: TenantCtx, query: CorrectionListQuery): Promise<Page<CorrectionRequestDto>> {
  authorize(ctx, 'student.reviewCorrections');
  const scope = ctx.principal.roles.has('coordinator') ? undefined : eq(students.institutionId, ctx.principal.organizationId!);
  return correctionPage(ctx.db, ctx.coalition.id, [scope, query.status ? eq(r.status, query.status) : undefined], query.limit, query.cursor);
}

/** The institution's staff accept or reject a request; once decided it stays decided. */
export async function resolveCorrection(ctx: TenantCtx, studentId: string, requestId: string, input: z.infer<typeof correctionResolveInput>): Promise<CorrectionRequestDto> {
  await authorizeRecord(ctx, 'student.resolveCorrection', () => loadVisible(ctx, studentId), 'Student');
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: r.status, field: r.field })
      .from(r)
      .where(and(eq(r.coalitionId, ctx.coalition.id), eq(r.studentId, studentId), eq(r.id, requestId)))
      .for('update');
    if (!current) throw notFound('Correction request');
    if (current.status !== 'open') throw new AppError('conflict', `This request was already ${current.status}`);
    await tx
      .update(r)
      .set({ status: input.decision, resolutionNote: input.note ?? null, resolvedAt: new Date(), resolvedByUserId: ctx.actor.userId })
      .where(and(eq(r.coalitionId, ctx.coalition.id), eq(r.id, requestId)));
    await recordAudit(tx, ctx, { action: 'resolve_correction', entityType: 'student', entityId: studentId, changes: { requestId, field: current.field, decision: input.decision } });
  });
  return oneRequest(ctx.db, ctx.coalition.id, requestId);
}
