import { and, eq } from 'drizzle-orm';
import { findSeat, seats, type CoverageDto, type InitiativeDecisionMakersDto, type Seat, type SeatHolderInput } from '../../../shared/coverage.contract.js';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import './coverage.policy.js';
import * as q from './coverage.queries.js';
import { seatHolders } from './coverage.table.js';

/** The paper's seats, filled or empty, computed from who holds them now. */
export async function getCoverage(ctx: TenantCtx): Promise<CoverageDto> {
  authorize(ctx, 'coverage.read');
  const holders = await q.seatHolderRows(ctx.db, ctx.coalition.id);
  const items = seats.map((s) => {
    const people = holders.filter((h) => h.seat === s.seat).map(({ seat: _seat, ...person }) => person);
    return { seat: s.seat, stakeholderType: s.stakeholderType, role: s.label, filled: people.length > 0, people };
  });
  return { items, filledCount: items.filter((i) => i.filled).length, seatCount: items.length };
}

/** Records that a person holds a seat, inside the caller's transaction (used when a prospect joins). */
export async function holdSeat(tx: Executor, ctx: TenantCtx, seat: string, personId: string): Promise<void> {
  const [row] = await tx
    .insert(seatHolders)
    .values({ coalitionId: ctx.coalition.id, id: newId(), seat, personId })
    .onConflictDoNothing()
    .returning({ id: seatHolders.id });
  if (row) await recordAudit(tx, ctx, { action: 'create', entityType: 'seat_holder', entityId: row.id, changes: { seat, personId } });
}

export async function addSeatHolder(ctx: TenantCtx, seat: Seat, input: SeatHolderInput): Promise<CoverageDto> {
  authorize(ctx, 'coverage.assign');
  const person = await q.personWithOrganization(ctx.db, ctx.coalition.id, input.personId);
  if (!person) throw invalidField('personId', 'No such person in this coalition');
  const allowed = findSeat(seat)!.organizationTypes as readonly string[];
  if (!person.organizationType || !allowed.includes(person.organizationType)) {
    throw invalidField('personId', `This seat is for people of ${allowed.join(' or ')} organizations`);
  }
  await ctx.db.transaction((tx) => holdSeat(tx, ctx, seat, input.personId));
  return getCoverage(ctx);
}

export async function removeSeatHolder(ctx: TenantCtx, seat: Seat, personId: string): Promise<void> {
  authorize(ctx, 'coverage.assign');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(seatHolders)
      .where(and(eq(seatHolders.coalitionId, ctx.coalition.id), eq(seatHolders.seat, seat), eq(seatHolders.personId, personId)))
      .returning({ id: seatHolders.id });
    if (!row) throw notFound('Seat holder');
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'seat_holder', entityId: row.id, changes: { seat, personId } });
  });
}

/** "Lack of a clear decision maker" is a barrier the paper names: each initiative's accountable people. */
export async function initiativeDecisionMakers(ctx: TenantCtx): Promise<InitiativeDecisionMakersDto> {
  authorize(ctx, 'coverage.read');
  const rows = await q.initiativeDecisionMakers(ctx.db, ctx.coalition.id);
  const byId = new Map<string, InitiativeDecisionMakersDto['items'][number]>();
  for (const row of rows) {
    const item = byId.get(row.initiativeId) ?? { initiativeId: row.initiativeId, title: row.title, status: row.status, decisionMakers: [], hasDecisionMaker: false };
    if (row.personId && row.name) item.decisionMakers.push({ personId: row.personId, name: row.name });
    item.hasDecisionMaker = item.decisionMakers.length > 0;
    byId.set(row.initiativeId, item);
  }
  const items = [...byId.values()];
  return { items, withoutDecisionMaker: items.filter((i) => !i.hasDecisionMaker).length };
}
