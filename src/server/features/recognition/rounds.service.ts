import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AwardDto, DecisionInput, NominationDto, RoundDto, Tier } from '../../../shared/recognition.contract.js';
import { organizations } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import './recognition.policy.js';
import { scoresFor } from './recognition.service.js';
import { recognitionAwards, recognitionNominations, recognitionRounds } from './recognition.table.js';

const awardLinks = (baseUrl: string, id: string) => ({ certificateUrl: `${baseUrl}/api/v1/credentials/${id}/certificate.pdf`, credentialUrl: `${baseUrl}/api/v1/credentials/${id}` });

async function loadRound(db: Executor, coalitionId: string, id: string) {
  const [round] = await db.select().from(recognitionRounds).where(and(eq(recognitionRounds.coalitionId, coalitionId), eq(recognitionRounds.id, id)));
  if (!round) throw notFound('Round');
  return round;
}

async function orgNames(db: Executor, coalitionId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(and(eq(organizations.coalitionId, coalitionId), inArray(organizations.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function roundDtos(db: Executor, coalitionId: string, rounds: (typeof recognitionRounds.$inferSelect)[]): Promise<RoundDto[]> {
  if (rounds.length === 0) return [];
  const nominations = await db.select().from(recognitionNominations).where(and(eq(recognitionNominations.coalitionId, coalitionId), inArray(recognitionNominations.roundId, rounds.map((r) => r.id))));
  const awards = await db.select({ id: recognitionAwards.id, nominationId: recognitionAwards.nominationId }).from(recognitionAwards).where(eq(recognitionAwards.coalitionId, coalitionId));
  const names = await orgNames(db, coalitionId, [...nominations.map((n) => n.organizationId), ...rounds.flatMap((r) => (r.endorsedByOrganizationId ? [r.endorsedByOrganizationId] : []))]);
  return rounds.map((r) => ({
    id: r.id,
    year: r.year,
    status: r.status as RoundDto['status'],
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    endorsedBy: r.endorsedByOrganizationId ? (names.get(r.endorsedByOrganizationId) ?? null) : null,
    nominations: nominations
      .filter((n) => n.roundId === r.id)
      .sort((a, b) => b.score - a.score)
      .map(
        (n): NominationDto => ({
          id: n.id,
          roundId: n.roundId,
          organizationId: n.organizationId,
          organizationName: names.get(n.organizationId) ?? '',
          score: n.score,
          suggestedTier: n.suggestedTier as Tier | null,
          status: n.status as NominationDto['status'],
          tier: n.tier as Tier | null,
          note: n.note,
          awardId: awards.find((a) => a.nominationId === n.id)?.id ?? null,
        }),
      ),
  }));
}

export async function listRounds(ctx: TenantCtx): Promise<{ items: RoundDto[] }> {
  authorize(ctx, 'recognition.rounds');
  const rounds = await ctx.db.select().from(recognitionRounds).where(eq(recognitionRounds.coalitionId, ctx.coalition.id)).orderBy(desc(recognitionRounds.year));
  return { items: await roundDtos(ctx.db, ctx.coalition.id, rounds) };
}

async function getRound(ctx: TenantCtx, id: string): Promise<RoundDto> {
  return (await roundDtos(ctx.db, ctx.coalition.id, [await loadRound(ctx.db, ctx.coalition.id, id)]))[0]!;
}

/** The Coordinator opens nominations for a year (one round a year). */
export async function openRound(ctx: TenantCtx, year: number): Promise<RoundDto> {
  authorize(ctx, 'recognition.openRound');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: recognitionRounds.id }).from(recognitionRounds).where(and(eq(recognitionRounds.coalitionId, ctx.coalition.id), eq(recognitionRounds.year, year)));
    if (existing) throw new AppError('conflict', `There is already a ${year} round`);
    await tx.insert(recognitionRounds).values({ coalitionId: ctx.coalition.id, id, year });
    await recordAudit(tx, ctx, { action: 'open', entityType: 'recognition_round', entityId: id, changes: { year } });
  });
  return getRound(ctx, id);
}

/** Nominates an employer or institution; its score is computed from records now and kept with the nomination. */
export async function nominate(ctx: TenantCtx, roundId: string, input: { organizationId: string; note?: string | null | undefined }): Promise<RoundDto> {
  authorize(ctx, 'recognition.nominate');
  const round = await loadRound(ctx.db, ctx.coalition.id, roundId);
  if (round.status !== 'open') throw new AppError('conflict', 'This round is closed');
  const score = (await scoresFor(ctx.db, ctx.coalition, round.year)).items.find((s) => s.organizationId === input.organizationId);
  if (!score) throw invalidField('organizationId', 'Not an employer or education institution of this coalition');
  await ctx.db.transaction(async (tx) => {
    const id = newId();
    const inserted = await tx
      .insert(recognitionNominations)
      .values({ coalitionId: ctx.coalition.id, id, roundId, organizationId: input.organizationId, score: score.score, suggestedTier: score.tier, note: input.note ?? null, nominatedByPersonId: ctx.principal.personId })
      .onConflictDoNothing()
      .returning({ id: recognitionNominations.id });
    if (inserted.length === 0) throw new AppError('conflict', `${score.name} is already nominated in this round`);
    await recordAudit(tx, ctx, { action: 'nominate', entityType: 'recognition_nomination', entityId: id, changes: { organizationId: input.organizationId, score: score.score, suggestedTier: score.tier } });
  });
  return getRound(ctx, roundId);
}

/** The review committee approves (with the suggested tier unless it names one) or declines; approving issues the award. */
export async function decide(ctx: TenantCtx, nominationId: string, input: DecisionInput): Promise<RoundDto> {
  authorize(ctx, 'recognition.decide');
  const [nomination] = await ctx.db.select().from(recognitionNominations).where(and(eq(recognitionNominations.coalitionId, ctx.coalition.id), eq(recognitionNominations.id, nominationId)));
  if (!nomination) throw notFound('Nomination');
  const round = await loadRound(ctx.db, ctx.coalition.id, nomination.roundId);
  if (round.status !== 'open') throw new AppError('conflict', 'This round is closed');
  const tier = input.decision === 'approved' ? (input.tier ?? (nomination.suggestedTier as Tier | null)) : null;
  if (input.decision === 'approved' && !tier) throw invalidField('tier', 'The score reaches no tier: name one to approve');
  await ctx.db.transaction(async (tx) => {
    const [moved] = await tx
      .update(recognitionNominations)
      .set({ status: input.decision, tier, note: input.note ?? nomination.note, decidedByPersonId: ctx.principal.personId, decidedAt: new Date() })
      .where(and(eq(recognitionNominations.coalitionId, ctx.coalition.id), eq(recognitionNominations.id, nominationId), eq(recognitionNominations.status, 'nominated')))
      .returning({ id: recognitionNominations.id });
    if (!moved) throw new AppError('conflict', 'This nomination has already been decided');
    if (tier) await tx.insert(recognitionAwards).values({ coalitionId: ctx.coalition.id, id: newId(), nominationId, organizationId: nomination.organizationId, tier, year: round.year });
    await recordAudit(tx, ctx, { action: input.decision === 'approved' ? 'approve' : 'decline', entityType: 'recognition_nomination', entityId: nominationId, changes: { tier } });
  });
  return getRound(ctx, round.id);
}

export async function closeRound(ctx: TenantCtx, id: string): Promise<RoundDto> {
  authorize(ctx, 'recognition.closeRound');
  const round = await loadRound(ctx.db, ctx.coalition.id, id);
  if (round.status === 'closed') throw new AppError('conflict', 'Already closed');
  await ctx.db.transaction(async (tx) => {
    await tx.update(recognitionRounds).set({ status: 'closed', closedAt: new Date() }).where(and(eq(recognitionRounds.coalitionId, ctx.coalition.id), eq(recognitionRounds.id, id)));
    await recordAudit(tx, ctx, { action: 'close', entityType: 'recognition_round', entityId: id, changes: { status: { from: 'open', to: 'closed' } } });
  });
  return getRound(ctx, id);
}

/** A member of a government office formally recognizes the round's partners on its behalf. */
export async function endorseRound(ctx: TenantCtx, id: string): Promise<RoundDto> {
  authorize(ctx, 'recognition.endorse');
  await loadRound(ctx.db, ctx.coalition.id, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(recognitionRounds)
      .set({ endorsedByOrganizationId: ctx.principal.organizationId, endorsedAt: new Date() })
      .where(and(eq(recognitionRounds.coalitionId, ctx.coalition.id), eq(recognitionRounds.id, id)));
    await recordAudit(tx, ctx, { action: 'endorse', entityType: 'recognition_round', entityId: id, changes: { organizationId: ctx.principal.organizationId } });
  });
  return getRound(ctx, id);
}

/** Awards, newest year first, with links to the certificate and the public credential. */
export async function awardsOf(db: Executor, coalitionId: string, baseUrl: string, year?: number): Promise<AwardDto[]> {
  const rows = await db
    .select({ id: recognitionAwards.id, organizationId: recognitionAwards.organizationId, organizationName: organizations.name, tier: recognitionAwards.tier, year: recognitionAwards.year, issuedAt: recognitionAwards.issuedAt, roundId: recognitionNominations.roundId })
    .from(recognitionAwards)
    .innerJoin(organizations, and(eq(organizations.coalitionId, recognitionAwards.coalitionId), eq(organizations.id, recognitionAwards.organizationId)))
    .innerJoin(recognitionNominations, and(eq(recognitionNominations.coalitionId, recognitionAwards.coalitionId), eq(recognitionNominations.id, recognitionAwards.nominationId)))
    .where(and(eq(recognitionAwards.coalitionId, coalitionId), year === undefined ? undefined : eq(recognitionAwards.year, year)))
    .orderBy(desc(recognitionAwards.year), organizations.name);
  const rounds = await db.select({ id: recognitionRounds.id, endorser: recognitionRounds.endorsedByOrganizationId }).from(recognitionRounds).where(eq(recognitionRounds.coalitionId, coalitionId));
  const names = await orgNames(db, coalitionId, rounds.flatMap((r) => (r.endorser ? [r.endorser] : [])));
  return rows.map(({ roundId, ...r }) => {
    const endorser = rounds.find((x) => x.id === roundId)?.endorser;
    return { ...r, tier: r.tier as Tier, issuedAt: r.issuedAt.toISOString(), endorsedBy: endorser ? (names.get(endorser) ?? null) : null, ...awardLinks(baseUrl, r.id) };
  });
}

export async function listAwards(ctx: TenantCtx, year?: number): Promise<{ items: AwardDto[] }> {
  authorize(ctx, 'recognition.awards');
  return { items: await awardsOf(ctx.db, ctx.coalition.id, ctx.baseUrl, year) };
}
