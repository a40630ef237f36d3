import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListQuery, OrganizationType, Page } from '../../../shared/common.contract.js';
import type {
  BallotDto,
  BallotInput,
  PriorityDto,
  PriorityListQuery,
  PriorityUpdateInput,
  SessionResultsDto,
  StrategySessionDto,
  StrategySessionUpdateInput,
  priorityCreateInput,
  strategySessionCreateInput,
} from '../../../shared/initiatives.contract.js';
import { priorityKinds } from '../../../shared/strategy-sessions.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import './initiatives.policy.js';
import { personRefs, stakeholdersOf } from './initiatives.queries.js';
import { definedOnly } from './initiatives.service.js';
import { initiativeBallots, initiatives } from './initiatives.table.js';
import { bordaRanking } from './ranking.js';
import * as q from './strategy.queries.js';
import { stakeholderPriorities, strategySessions } from './strategy.table.js';

const sessionDto = (row: q.SessionRow): StrategySessionDto => ({ ...isoDates(row), status: row.status as StrategySessionDto['status'] });

async function loadSession(ctx: TenantCtx, id: string, db: Executor = ctx.db) {
  const row = await q.findSession(db, ctx.coalition.id, id);
  if (!row) throw notFound('Strategy session');
  return row;
}

export async function listSessions(ctx: TenantCtx, query: ListQuery): Promise<Page<StrategySessionDto>> {
  authorize(ctx, 'strategySession.read');
  const page = toPage(await q.listSessions(ctx.db, ctx.coalition.id, query), query.limit, (r) => [r.heldOn, r.id]);
  return { items: page.items.map(sessionDto), nextCursor: page.nextCursor };
}

export async function getSession(ctx: TenantCtx, id: string): Promise<StrategySessionDto> {
  authorize(ctx, 'strategySession.read');
  return sessionDto(await loadSession(ctx, id));
}

export async function createSession(ctx: TenantCtx, input: z.infer<typeof strategySessionCreateInput>): Promise<StrategySessionDto> {
  authorize(ctx, 'strategySession.manage');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(strategySessions).values({ coalitionId: ctx.coalition.id, id, title: input.title, heldOn: input.heldOn, notes: input.notes ?? null });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'strategy_session', entityId: id, changes: { title: input.title, heldOn: input.heldOn } });
  });
  return getSession(ctx, id);
}

export async function updateSession(ctx: TenantCtx, id: string, patch: StrategySessionUpdateInput): Promise<StrategySessionDto> {
  authorize(ctx, 'strategySession.manage');
  const before = await loadSession(ctx, id);
  const set = definedOnly(patch);
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, set);
    if (Object.keys(changes).length === 0) return;
    await tx.update(strategySessions).set({ ...set, updatedAt: new Date() }).where(and(eq(strategySessions.coalitionId, ctx.coalition.id), eq(strategySessions.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'strategy_session', entityId: id, changes });
  });
  return getSession(ctx, id);
}

export async function deleteSession(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'strategySession.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await loadSession(ctx, id, tx);
    if (before.proposals > 0) throw new AppError('conflict', `${before.proposals} initiatives were proposed at this session: detach or remove them first`);
    await tx.delete(strategySessions).where(and(eq(strategySessions.coalitionId, ctx.coalition.id), eq(strategySessions.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'strategy_session', entityId: id, changes: { title: before.title } });
  });
}

// ---- Stakeholder priorities ----------------------------------------------------------------------

async function priorityDtos(db: Executor, rows: q.PriorityRow[]): Promise<PriorityDto[]> {
  const skills = await q.skillsById(db, rows.flatMap((r) => r.skillIds));
  return rows.map(({ organizationId, organizationName, organizationType, authorId, authorName, skillIds, ...row }) => ({
    ...isoDates(row),
    kind: row.kind as PriorityDto['kind'],
    organization: { id: organizationId, name: organizationName, type: organizationType as OrganizationType },
    author: authorId && authorName ? { personId: authorId, name: authorName } : null,
    skills: skillIds.map((id) => skills.get(id)).filter((s) => s !== undefined),
  }));
}

async function skillIdsOf(ctx: TenantCtx, names: string[]): Promise<string[]> {
  const resolved = await q.resolveSkills(ctx.db, names);
  const unknown = resolved.findIndex((s) => s === null);
  if (unknown >= 0) throw invalidField(`skills.${unknown}`, `No skill named “${names[unknown]}”`);
  return [...new Set(resolved.map((s) => s!.id))];
}

export async function listPriorities(ctx: TenantCtx, sessionId: string, query: PriorityListQuery): Promise<Page<PriorityDto>> {
  authorize(ctx, 'strategySession.read');
  await loadSession(ctx, sessionId);
  const page = toPage(await q.listPriorities(ctx.db, ctx.coalition.id, sessionId, query), query.limit, (r) => [r.title, r.id]);
  return { items: await priorityDtos(ctx.db, page.items), nextCursor: page.nextCursor };
}

async function getPriority(ctx: TenantCtx, sessionId: string, id: string): Promise<PriorityDto> {
  const row = await q.findPriority(ctx.db, ctx.coalition.id, sessionId, id);
  if (!row) throw notFound('Priority');
  return (await priorityDtos(ctx.db, [row]))[0]!;
}

export async function createPriority(ctx: TenantCtx, sessionId: string, input: z.infer<typeof priorityCreateInput>): Promise<PriorityDto> {
  authorize(ctx, 'strategyPriority.create');
  await loadSession(ctx, sessionId);
  const organizationId = input.organizationId ?? ctx.principal.organizationId;
  if (!organizationId) throw invalidField('organizationId', 'Required: you belong to no organization');
  if (organizationId !== ctx.principal.organizationId) authorize(ctx, 'strategyPriority.createForAny');
  if (!(await q.organizationExists(ctx.db, ctx.coalition.id, organizationId))) throw invalidField('organizationId', 'No such organization in this coalition');
  const skillIds = await skillIdsOf(ctx, input.skills);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(stakeholderPriorities).values({ coalitionId: ctx.coalition.id, id, sessionId, organizationId, authorId: ctx.principal.personId, kind: input.kind, title: input.title, details: input.details ?? null, skillIds });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'stakeholder_priority', entityId: id, changes: { sessionId, organizationId, kind: input.kind, title: input.title } });
  });
  return getPriority(ctx, sessionId, id);
}

export async function updatePriority(ctx: TenantCtx, sessionId: string, id: string, patch: PriorityUpdateInput): Promise<PriorityDto> {
  const before = await authorizeRecord(ctx, 'strategyPriority.update', () => q.findPriority(ctx.db, ctx.coalition.id, sessionId, id), 'Priority');
  const { skills, ...rest } = definedOnly(patch);
  const set = { ...rest, ...(skills ? { skillIds: await skillIdsOf(ctx, skills) } : {}) };
  await ctx.db.transaction(async (tx) => {
    const changes = changedFields(before, set);
    if (Object.keys(changes).length === 0) return;
    await tx.update(stakeholderPriorities).set({ ...set, updatedAt: new Date() }).where(and(eq(stakeholderPriorities.coalitionId, ctx.coalition.id), eq(stakeholderPriorities.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'stakeholder_priority', entityId: id, changes });
  });
  return getPriority(ctx, sessionId, id);
}

export async function deletePriority(ctx: TenantCtx, sessionId: string, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'strategyPriority.delete', () => q.findPriority(ctx.db, ctx.coalition.id, sessionId, id), 'Priority');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(stakeholderPriorities).where(and(eq(stakeholderPriorities.coalitionId, ctx.coalition.id), eq(stakeholderPriorities.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'stakeholder_priority', entityId: id, changes: { title: before.title } });
  });
}

// ---- Ranking -------------------------------------------------------------------------------------

export async function getMyBallot(ctx: TenantCtx, sessionId: string): Promise<BallotDto> {
  authorize(ctx, 'strategyBallot.cast');
  await loadSession(ctx, sessionId);
  const mine = (await q.ballotsOf(ctx.db, ctx.coalition.id, sessionId)).filter((b) => b.personId === ctx.principal.personId);
  return { sessionId, personId: ctx.principal.personId, initiativeIds: mine.map((b) => b.initiativeId), castAt: mine[0]?.castAt.toISOString() ?? null };
}

export async function castBallot(ctx: TenantCtx, sessionId: string, input: BallotInput): Promise<BallotDto> {
  authorize(ctx, 'strategyBallot.cast');
  const session = await loadSession(ctx, sessionId);
  if (session.status !== 'open') throw new AppError('conflict', 'The ranking of this session was adopted; ballots are closed');
  const proposals = new Set((await q.proposalsOf(ctx.db, ctx.coalition.id, sessionId)).map((p) => p.id));
  const stray = input.initiativeIds.findIndex((id) => !proposals.has(id));
  if (stray >= 0) throw invalidField(`initiativeIds.${stray}`, 'Not an initiative proposed at this session');
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(initiativeBallots.coalitionId, ctx.coalition.id), eq(initiativeBallots.sessionId, sessionId), eq(initiativeBallots.personId, ctx.principal.personId));
    await tx.delete(initiativeBallots).where(where);
    await tx.insert(initiativeBallots).values(input.initiativeIds.map((initiativeId, i) => ({ coalitionId: ctx.coalition.id, sessionId, personId: ctx.principal.personId, initiativeId, rank: i + 1 })));
    await recordAudit(tx, ctx, { action: 'cast_ballot', entityType: 'strategy_session', entityId: sessionId, changes: { initiativeIds: input.initiativeIds } });
  });
  return getMyBallot(ctx, sessionId);
}

async function computeResults(ctx: TenantCtx, db: Executor, session: q.SessionRow): Promise<SessionResultsDto> {
  const [proposals, ballots, priorities] = await Promise.all([
    q.proposalsOf(db, ctx.coalition.id, session.id),
    q.ballotsOf(db, ctx.coalition.id, session.id),
    q.listPriorities(db, ctx.coalition.id, session.id, { limit: 10_000 }),
  ]);
  const ranking = bordaRanking(proposals, ballots);
  const team = await stakeholdersOf(db, ctx.coalition.id, proposals.map((p) => p.id));
  const owners = await personRefs(db, ctx.coalition.id, proposals.map((p) => p.ownerId));
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return {
    sessionId: session.id,
    status: session.status as SessionResultsDto['status'],
    ballots: new Set(ballots.map((b) => b.personId)).size,
    priorities: priorityKinds.map((kind) => ({ kind, count: priorities.filter((p) => p.kind === kind).length })),
    items: ranking.map((r) => {
      const p = byId.get(r.initiativeId)!;
      const orgs = new Map<string, { organizationId: string; organizationName: string; pointsOfContact: { personId: string; name: string }[] }>();
      for (const s of team.filter((s) => s.initiativeId === p.id && s.organizationId)) {
        const entry = orgs.get(s.organizationId!) ?? { organizationId: s.organizationId!, organizationName: s.organizationName ?? '', pointsOfContact: [] };
        if (s.pointOfContact) entry.pointsOfContact.push({ personId: s.personId, name: s.name });
        orgs.set(s.organizationId!, entry);
      }
      return {
        ...r,
        title: p.title,
        category: p.category,
        owner: p.ownerId && owners.has(p.ownerId) ? { personId: p.ownerId, name: owners.get(p.ownerId)!.name } : null,
        strategicPriorities: p.strategicPriorities,
        recommendations: p.recommendations,
        organizations: [...orgs.values()],
        adoptedRank: p.priorityRank,
      };
    }),
  };
}

export async function getResults(ctx: TenantCtx, sessionId: string): Promise<SessionResultsDto> {
  authorize(ctx, 'strategySession.read');
  return computeResults(ctx, ctx.db, await loadSession(ctx, sessionId));
}

/** Writes the ranking onto the proposals (priorityRank; proposed → planned) and closes the ballots. */
export async function adoptResults(ctx: TenantCtx, sessionId: string): Promise<SessionResultsDto> {
  authorize(ctx, 'strategySession.manage');
  await ctx.db.transaction(async (tx) => {
    const session = await loadSession(ctx, sessionId, tx);
    if (session.status !== 'open') throw new AppError('conflict', 'This session’s ranking was already adopted');
    const results = await computeResults(ctx, tx, session);
    for (const item of results.items) {
      const [before] = await tx.select({ status: initiatives.status, priorityRank: initiatives.priorityRank }).from(initiatives).where(and(eq(initiatives.coalitionId, ctx.coalition.id), eq(initiatives.id, item.initiativeId)));
      const status = before!.status === 'proposed' ? 'planned' : before!.status;
      await tx.update(initiatives).set({ priorityRank: item.rank, status, updatedAt: new Date() }).where(and(eq(initiatives.coalitionId, ctx.coalition.id), eq(initiatives.id, item.initiativeId)));
      await recordAudit(tx, ctx, { action: 'update', entityType: 'initiative', entityId: item.initiativeId, changes: changedFields(before!, { priorityRank: item.rank, status }) });
    }
    await tx.update(strategySessions).set({ status: 'adopted', adoptedAt: new Date(), updatedAt: new Date() }).where(and(eq(strategySessions.coalitionId, ctx.coalition.id), eq(strategySessions.id, sessionId)));
    await recordAudit(tx, ctx, { action: 'adopt', entityType: 'strategy_session', entityId: sessionId, changes: { ranking: results.items.map((i) => i.initiativeId) } });
  });
  return getResults(ctx, sessionId);
}
