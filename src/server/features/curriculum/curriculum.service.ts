import { and, eq, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/common.contract.js';
import {
  proposalTransitions,
  type CommentCreateInput,
  type CommentDto,
  type ProposalCreateInput,
  type ProposalDetailDto,
  type ProposalDto,
  type ProposalListQuery,
  type ProposalStatus,
  type ProposalUpdateInput,
} from '../../../shared/curriculum.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { skillEvidence } from '../alignment/index.js';
import { routeTo } from '../points-of-contact/index.js';
import { changeCourseSkills } from '../programs/index.js';
import { resolveSkillNames } from '../skills/index.js';
import './curriculum.policy.js';
import * as q from './curriculum.queries.js';
import { curriculumComments, curriculumFollowers, curriculumProposals, curriculumStatusChanges } from './curriculum.table.js';

const CLOSED: ProposalStatus[] = ['adopted', 'declined'];
/** Who offers courses (as for programs). */
const PROPOSAL_INSTITUTION_TYPES = ['k12', 'college', 'university', 'nonprofit'];

async function toDtos(ctx: TenantCtx, db: Executor, rows: q.ProposalRow[]): Promise<ProposalDto[]> {
  const c = ctx.coalition.id;
  const [courseRows, needRows, authors, skillRows, followed] = await Promise.all([
    q.coursesByIds(db, c, [...new Set(rows.map((r) => r.courseId).filter((id): id is string => id !== null))]),
    q.needsByIds(db, c, [...new Set(rows.flatMap((r) => r.hiringNeedIds))]),
    q.peopleByIds(db, c, [...new Set(rows.map((r) => r.authorId).filter((id): id is string => id !== null))]),
    q.skillRefs(db, [...new Set(rows.flatMap((r) => [...r.skillsAdded, ...r.skillsRemoved]))]),
    q.followedBy(db, c, rows.map((r) => r.id), ctx.principal.personId),
  ]);
  const skillOf = new Map(skillRows.map((s) => [s.id, s]));
  const refs = (ids: string[]) => ids.map((id) => skillOf.get(id)).filter((s): s is NonNullable<typeof s> => s !== undefined);
  return rows.map((row) => {
    const course = courseRows.find((co) => co.id === row.courseId);
    const author = authors.find((a) => a.id === row.authorId);
    const added = refs(row.skillsAdded);
    const removed = refs(row.skillsRemoved);
    return {
      id: row.id,
      institutionId: row.institutionId,
      institutionName: row.institutionName,
      courseId: row.courseId,
      course: course ? { id: course.id, title: course.title, code: course.code, programId: course.programId, programTitle: course.programTitle } : null,
      author: author ? { personId: author.id, name: author.name } : null,
      title: row.title,
      summary: row.summary,
      details: row.details,
      skillsAdded: added.map((s) => s.name),
      skillsRemoved: removed.map((s) => s.name),
      skillRefs: { added, removed },
      targetTerm: row.targetTerm,
      status: row.status,
      hiringNeeds: row.hiringNeedIds.map((id) => needRows.find((n) => n.id === id)).filter((n): n is NonNullable<typeof n> => n !== undefined),
      comments: row.comments,
      averageRelevance: row.averageRelevance,
      followers: row.followers,
      following: followed.has(row.id),
      adoptedVersion: row.adoptedVersion,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export async function listProposals(ctx: TenantCtx, query: ProposalListQuery): Promise<Page<ProposalDto>> {
  authorize(ctx, 'proposal.list');
  const rows = await q.listProposals(ctx.db, ctx.coalition.id, query, ctx.principal.personId);
  const page = toPage(rows, query.limit, (r) => [r.title, r.id]);
  return { items: await toDtos(ctx, ctx.db, page.items), nextCursor: page.nextCursor };
}

async function loadProposal(ctx: TenantCtx, db: Executor, id: string) {
  return q.findProposal(db, ctx.coalition.id, id);
}

export async function getProposal(ctx: TenantCtx, id: string): Promise<ProposalDetailDto> {
  authorize(ctx, 'proposal.read');
  const row = await loadProposal(ctx, ctx.db, id);
  if (!row) throw notFound('Curriculum proposal');
  const [[dto], history] = await Promise.all([toDtos(ctx, ctx.db, [row]), q.statusHistory(ctx.db, ctx.coalition.id, id)]);
  const who = await q.peopleByIds(ctx.db, ctx.coalition.id, [...new Set(history.map((h) => h.byPersonId).filter((p): p is string => p !== null))]);
  return {
    ...dto!,
    statusHistory: history.map((h) => {
      const by = who.find((p) => p.id === h.byPersonId);
      return { from: h.fromStatus as ProposalStatus, to: h.toStatus as ProposalStatus, by: by ? { personId: by.id, name: by.name } : null, note: h.note, at: h.at.toISOString() };
    }),
  };
}

/** The course a proposal changes: in this coalition, and at the proposal's institution. */
async function courseFor(tx: Executor, ctx: TenantCtx, courseId: string, institutionId: string | null) {
  const [course] = await q.coursesByIds(tx, ctx.coalition.id, [courseId]);
  if (!course) throw invalidField('courseId', 'No such course in this coalition');
  if (institutionId && course.institutionId !== institutionId) throw invalidField('courseId', 'The course belongs to another institution');
  return course;
}

async function resolveChange(tx: Executor, ctx: TenantCtx, added: string[], removed: string[]) {
  const [addedIds, removedIds] = [(await resolveSkillNames(tx, added, 'skillsAdded')).map((s) => s.id), (await resolveSkillNames(tx, removed, 'skillsRemoved')).map((s) => s.id)];
  const both = removedIds.findIndex((id) => addedIds.includes(id));
  if (both >= 0) throw invalidField(`skillsRemoved.${both}`, 'A skill cannot be both added and removed');
  return { addedIds, removedIds };
}

async function checkNeeds(tx: Executor, ctx: TenantCtx, ids: string[]) {
  const found = await q.needsByIds(tx, ctx.coalition.id, ids);
  const missing = ids.findIndex((id) => !found.some((n) => n.id === id));
  if (missing >= 0) throw invalidField(`hiringNeedIds.${missing}`, 'No such hiring need in this coalition');
}

export async function createProposal(ctx: TenantCtx, input: ProposalCreateInput): Promise<ProposalDetailDto> {
  authorize(ctx, 'proposal.create');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    let institutionId = input.institutionId ?? null;
    if (input.courseId) institutionId = (await courseFor(tx, ctx, input.courseId, institutionId)).institutionId;
    institutionId ??= ctx.principal.organizationId;
    if (!institutionId) throw invalidField('institutionId', 'Name the institution (or the course) the change is for');
    authorize(ctx, 'proposal.createFor', { institutionId });
    const [institution] = await q.organizationsByIds(tx, ctx.coalition.id, [institutionId]);
    if (!institution || !PROPOSAL_INSTITUTION_TYPES.includes(institution.type)) throw invalidField('institutionId', 'Not a school, college, university or non-profit provider of this coalition');
    await checkNeeds(tx, ctx, input.hiringNeedIds);
    const { addedIds, removedIds } = await resolveChange(tx, ctx, input.skillsAdded, input.skillsRemoved);
    await tx.insert(curriculumProposals).values({
      coalitionId: ctx.coalition.id,
      id,
      institutionId,
      courseId: input.courseId ?? null,
      authorId: ctx.principal.personId,
      title: input.title,
      summary: input.summary,
      details: input.details ?? null,
      skillsAdded: addedIds,
      skillsRemoved: removedIds,
      hiringNeedIds: [...new Set(input.hiringNeedIds)],
      targetTerm: input.targetTerm,
    });
    await q.follow(tx, ctx.coalition.id, id, ctx.principal.personId);
    const payload = { proposalId: id, title: input.title, institutionId, author: ctx.actor.name };
    // It reaches the institution's curriculum contacts, and the employers asking for what it adds.
    const route = await routeTo(tx, ctx.coalition.id, institutionId, 'curriculum');
    await notify(tx, ctx.coalition.id, route.personIds, { kind: 'curriculum.proposal_created', payload }, { except: ctx.principal.personId });
    const askers = await q.employersAskingFor(tx, ctx.coalition.id, addedIds);
    const byPerson = new Map<string, { skillIds: Set<string>; needIds: Set<string> }>();
    for (const a of askers) {
      const entry = byPerson.get(a.personId) ?? { skillIds: new Set(), needIds: new Set() };
      entry.skillIds.add(a.skillId);
      entry.needIds.add(a.needId);
      byPerson.set(a.personId, entry);
    }
    for (const [personId, entry] of byPerson) {
      await notify(tx, ctx.coalition.id, [personId], { kind: 'curriculum.matches_need', payload: { ...payload, skillIds: [...entry.skillIds], needIds: [...entry.needIds] } }, { except: ctx.principal.personId });
    }
    await recordAudit(tx, ctx, { action: 'create', entityType: 'curriculum_proposal', entityId: id, changes: { title: input.title, institutionId, courseId: input.courseId ?? null, skillsAdded: addedIds, skillsRemoved: removedIds } });
  });
  return getProposal(ctx, id);
}

async function recordTransition(tx: Executor, ctx: TenantCtx, proposalId: string, from: ProposalStatus, to: ProposalStatus, note: string | null) {
  // clock_timestamp, not now(): two steps recorded in one transaction keep their order.
  await tx.insert(curriculumStatusChanges).values({ coalitionId: ctx.coalition.id, id: newId(), proposalId, fromStatus: from, toStatus: to, byPersonId: ctx.principal.personId, note, at: sql`clock_timestamp()` });
}

export async function updateProposal(ctx: TenantCtx, id: string, patch: ProposalUpdateInput): Promise<ProposalDetailDto> {
  const before = await authorizeRecord(ctx, 'proposal.update', () => loadProposal(ctx, ctx.db, id), 'Curriculum proposal');
  const { status, statusNote, skillsAdded, skillsRemoved, ...fields } = patch;
  const editsContent = Object.values(fields).some((v) => v !== undefined) || skillsAdded !== undefined || skillsRemoved !== undefined;
  if (CLOSED.includes(before.status) && (editsContent || (status !== undefined && status !== before.status))) {
    throw new AppError('conflict', `This proposal was ${before.status.replace('_', ' ')}: it can no longer change`);
  }
  if (status !== undefined && status !== before.status && !proposalTransitions[before.status].includes(status)) {
    throw invalidField('status', `A proposal ${before.status.replace('_', ' ')} cannot become ${status.replace('_', ' ')}`);
  }
  await ctx.db.transaction(async (tx) => {
    // Lock the proposal: two owners adopting at once must not version the course twice.
    await tx.execute(sql`select 1 from curriculum_proposals where coalition_id = ${ctx.coalition.id} and id = ${id} for update`);
    const current = (await loadProposal(ctx, tx, id))!;
    if (current.status !== before.status) throw new AppError('conflict', 'The proposal changed meanwhile: reload it');
    const changes: Record<string, unknown> = changedFields(current as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    const set: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (fields.courseId) await courseFor(tx, ctx, fields.courseId, current.institutionId);
    if (fields.hiringNeedIds) {
      await checkNeeds(tx, ctx, fields.hiringNeedIds);
      set.hiringNeedIds = [...new Set(fields.hiringNeedIds)];
    }
    if (skillsAdded !== undefined || skillsRemoved !== undefined) {
      const next = await resolveChange(tx, ctx, skillsAdded ?? [], skillsRemoved ?? []);
      if (skillsAdded !== undefined) set.skillsAdded = next.addedIds;
      if (skillsRemoved !== undefined) set.skillsRemoved = next.removedIds;
      const added = (set.skillsAdded as string[] | undefined) ?? current.skillsAdded;
      const removed = (set.skillsRemoved as string[] | undefined) ?? current.skillsRemoved;
      if (added.some((s) => removed.includes(s))) throw invalidField('skillsRemoved', 'A skill cannot be both added and removed');
      if (JSON.stringify(added) !== JSON.stringify(current.skillsAdded)) changes.skillsAdded = { from: current.skillsAdded, to: added };
      if (JSON.stringify(removed) !== JSON.stringify(current.skillsRemoved)) changes.skillsRemoved = { from: current.skillsRemoved, to: removed };
    }

    if (status !== undefined && status !== current.status) {
      const steps: ProposalStatus[] = current.status === 'open' && status === 'adopted' ? ['under_review', 'adopted'] : [status];
      let from = current.status;
      for (const to of steps) {
        await recordTransition(tx, ctx, id, from, to, to === status ? (statusNote ?? null) : null);
        from = to;
      }
      set.status = status;
      changes.status = { from: current.status, to: status };
      if (CLOSED.includes(status)) set.decidedAt = new Date();
      if (status === 'adopted') {
        const courseId = (set.courseId as string | null | undefined) ?? current.courseId;
        if (!courseId) throw invalidField('courseId', 'Name the course this change applies to before adopting it');
        const added = (set.skillsAdded as string[] | undefined) ?? current.skillsAdded;
        const removed = (set.skillsRemoved as string[] | undefined) ?? current.skillsRemoved;
        // The demand behind each added skill, as it stands before the course changes.
        const evidence = await skillEvidence(tx, ctx.coalition.id, added);
        const result = await changeCourseSkills(tx, ctx, courseId, { add: added, remove: removed, proposalId: id, evidence, note: `Adopted: ${(set.title as string | undefined) ?? current.title}` });
        set.adoptedVersion = result.version;
        changes.courseSkills = { courseId, version: result.version, added: result.added, removed: result.removed };
      }
      if (statusNote) {
        await tx.insert(curriculumComments).values({ coalitionId: ctx.coalition.id, id: newId(), proposalId: id, authorId: ctx.principal.personId, body: statusNote, official: true });
      }
      const followers = await q.followerIds(tx, ctx.coalition.id, id);
      await notify(tx, ctx.coalition.id, followers, { kind: 'curriculum.status_changed', payload: { proposalId: id, title: current.title, from: current.status, to: status, note: statusNote ?? null, by: ctx.actor.name } }, { except: ctx.principal.personId });
    } else if (statusNote) {
      throw invalidField('statusNote', 'A status note goes with a change of status; post other answers as official comments');
    }

    if (Object.keys(changes).length === 0) return;
    await tx
      .update(curriculumProposals)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(curriculumProposals.coalitionId, ctx.coalition.id), eq(curriculumProposals.id, id)));
    await recordAudit(tx, ctx, { action: status !== undefined && status !== current.status ? `status:${status}` : 'update', entityType: 'curriculum_proposal', entityId: id, changes });
  });
  return getProposal(ctx, id);
}

export async function deleteProposal(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'proposal.delete', () => loadProposal(ctx, ctx.db, id), 'Curriculum proposal');
  if (before.status === 'adopted') throw new AppError('conflict', 'An adopted proposal is part of its course’s history and cannot be removed');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(curriculumProposals).where(and(eq(curriculumProposals.coalitionId, ctx.coalition.id), eq(curriculumProposals.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'curriculum_proposal', entityId: id, changes: { title: before.title, status: before.status } });
  });
}

// ── Feedback

async function commentDtos(ctx: TenantCtx, db: Executor, rows: (typeof curriculumComments.$inferSelect)[]): Promise<CommentDto[]> {
  const [authors, skillRows] = await Promise.all([
    q.peopleByIds(db, ctx.coalition.id, [...new Set(rows.map((r) => r.authorId).filter((a): a is string => a !== null))]),
    q.skillRefs(db, [...new Set(rows.flatMap((r) => r.proposedSkills))]),
  ]);
  const nameOf = new Map(skillRows.map((s) => [s.id, s.name]));
  return rows.map((r) => {
    const author = authors.find((a) => a.id === r.authorId);
    return {
      id: r.id,
      proposalId: r.proposalId,
      author: author ? { personId: author.id, name: author.name, organizationName: author.organizationName } : null,
      body: r.body,
      relevance: r.relevance,
      proposedSkills: r.proposedSkills.map((id) => nameOf.get(id) ?? id),
      official: r.official,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function listComments(ctx: TenantCtx, proposalId: string): Promise<{ items: CommentDto[]; nextCursor: null }> {
  authorize(ctx, 'proposal.read');
  if (!(await loadProposal(ctx, ctx.db, proposalId))) throw notFound('Curriculum proposal');
  return { items: await commentDtos(ctx, ctx.db, await q.comments(ctx.db, ctx.coalition.id, proposalId)), nextCursor: null };
}

export async function addComment(ctx: TenantCtx, proposalId: string, input: CommentCreateInput): Promise<CommentDto> {
  authorize(ctx, 'proposal.comment');
  const proposal = await loadProposal(ctx, ctx.db, proposalId);
  if (!proposal) throw notFound('Curriculum proposal');
  if (input.official) authorize(ctx, 'proposal.answer', proposal);
  else if (CLOSED.includes(proposal.status)) throw new AppError('conflict', `This proposal was ${proposal.status}: it takes no more feedback`);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const proposed = (await resolveSkillNames(tx, input.proposedSkills, 'proposedSkills')).map((s) => s.id);
    await tx.insert(curriculumComments).values({ coalitionId: ctx.coalition.id, id, proposalId, authorId: ctx.principal.personId, body: input.body, relevance: input.relevance ?? null, proposedSkills: proposed, official: input.official });
    // Whoever comments follows the conversation.
    await q.follow(tx, ctx.coalition.id, proposalId, ctx.principal.personId);
    const followers = await q.followerIds(tx, ctx.coalition.id, proposalId);
    await notify(tx, ctx.coalition.id, followers, { kind: 'curriculum.comment', payload: { proposalId, title: proposal.title, commentId: id, author: ctx.actor.name, official: input.official, relevance: input.relevance ?? null } }, { except: ctx.principal.personId });
    await recordAudit(tx, ctx, { action: 'comment', entityType: 'curriculum_proposal', entityId: proposalId, changes: { commentId: id, relevance: input.relevance ?? null, proposedSkills: proposed, official: input.official } });
  });
  const [row] = (await q.comments(ctx.db, ctx.coalition.id, proposalId)).filter((c) => c.id === id);
  return (await commentDtos(ctx, ctx.db, [row!]))[0]!;
}

export async function setFollowing(ctx: TenantCtx, proposalId: string, following: boolean): Promise<{ following: boolean; followers: number }> {
  authorize(ctx, 'proposal.follow');
  if (!(await loadProposal(ctx, ctx.db, proposalId))) throw notFound('Curriculum proposal');
  if (following) await q.follow(ctx.db, ctx.coalition.id, proposalId, ctx.principal.personId);
  else {
    await ctx.db
      .delete(curriculumFollowers)
      .where(and(eq(curriculumFollowers.coalitionId, ctx.coalition.id), eq(curriculumFollowers.proposalId, proposalId), eq(curriculumFollowers.personId, ctx.principal.personId)));
  }
  return { following, followers: (await q.followerIds(ctx.db, ctx.coalition.id, proposalId)).length };
}
