import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PortfolioItemDto, portfolioItemInput, portfolioItemUpdateInput } from '../../../shared/students.contract.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { authorizeRecord } from '../../platform/permissions.js';
import { toStudentDto } from './students.dto.js';
import './students.policy.js';
import { loadVisible } from './students.service.js';
import { replacePortfolioSkills } from './students.skills.js';
import { logStudentAccess } from './students.visibility.js';
import { portfolioItems, studentSkills } from './students.table.js';

async function itemDto(ctx: TenantCtx, studentId: string, itemId: string, route: string): Promise<PortfolioItemDto> {
  const student = (await loadVisible(ctx, studentId))!;
  await logStudentAccess(ctx.db, ctx, [student], route, 'portfolio');
  const dto = await toStudentDto(ctx.db, ctx.coalition.id, student, student.relation);
  const item = dto.portfolio.find((p) => p.id === itemId);
  if (!item) throw notFound('Portfolio item');
  return item;
}

async function findItem(ctx: TenantCtx, studentId: string, itemId: string) {
  const [item] = await ctx.db
    .select()
    .from(portfolioItems)
    .where(and(eq(portfolioItems.coalitionId, ctx.coalition.id), eq(portfolioItems.studentId, studentId), eq(portfolioItems.id, itemId)));
  if (!item) throw notFound('Portfolio item');
  return item;
}

/** A project the student can show (Snap's design competition entry, a class project…); its skills become evidence. */
export async function addPortfolioItem(ctx: TenantCtx, studentId: string, input: z.infer<typeof portfolioItemInput>): Promise<PortfolioItemDto> {
  await authorizeRecord(ctx, 'student.update', () => loadVisible(ctx, studentId), 'Student');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const { skills, ...columns } = input;
    await tx.insert(portfolioItems).values({ coalitionId: ctx.coalition.id, id, studentId, ...columns });
    await replacePortfolioSkills(tx, ctx.coalition.id, studentId, id, input.title, skills);
    await recordAudit(tx, ctx, { action: 'add_portfolio_item', entityType: 'student', entityId: studentId, changes: { itemId: id, title: input.title, skills } });
  });
  return itemDto(ctx, studentId, id, 'POST /students/:id/portfolio');
}

export async function updatePortfolioItem(ctx: TenantCtx, studentId: string, itemId: string, patch: z.infer<typeof portfolioItemUpdateInput>): Promise<PortfolioItemDto> {
  await authorizeRecord(ctx, 'student.update', () => loadVisible(ctx, studentId), 'Student');
  const before = await findItem(ctx, studentId, itemId);
  const { skills, ...columns } = patch;
  const changes: Record<string, unknown> = changedFields(before as Record<string, unknown>, columns);
  if (skills) changes.skills = skills;
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(portfolioItems)
        .set(columns)
        .where(and(eq(portfolioItems.coalitionId, ctx.coalition.id), eq(portfolioItems.id, itemId)));
      const title = columns.title ?? before.title;
      if (skills) await replacePortfolioSkills(tx, ctx.coalition.id, studentId, itemId, title, skills);
      else if (columns.title) {
        await tx.update(studentSkills).set({ evidence: title }).where(and(eq(studentSkills.coalitionId, ctx.coalition.id), eq(studentSkills.studentId, studentId), eq(studentSkills.source, 'portfolio'), eq(studentSkills.ref, itemId)));
      }
      await recordAudit(tx, ctx, { action: 'update_portfolio_item', entityType: 'student', entityId: studentId, changes: { itemId, ...changes } });
    });
  }
  return itemDto(ctx, studentId, itemId, 'PATCH /students/:id/portfolio/:itemId');
}

export async function deletePortfolioItem(ctx: TenantCtx, studentId: string, itemId: string): Promise<void> {
  await authorizeRecord(ctx, 'student.update', () => loadVisible(ctx, studentId), 'Student');
  const before = await findItem(ctx, studentId, itemId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(studentSkills).where(and(eq(studentSkills.coalitionId, ctx.coalition.id), eq(studentSkills.studentId, studentId), eq(studentSkills.source, 'portfolio'), eq(studentSkills.ref, itemId)));
    await tx.delete(portfolioItems).where(and(eq(portfolioItems.coalitionId, ctx.coalition.id), eq(portfolioItems.id, itemId)));
    await recordAudit(tx, ctx, { action: 'delete_portfolio_item', entityType: 'student', entityId: studentId, changes: { itemId, title: before.title } });
  });
}

