import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ContactAssignmentDto, ContactAssignmentInput, ContactListQuery, ContactRequestDto, ContactRequestInput, ContactTopic } from '../../../shared/points-of-contact.contract.js';
import type { Executor } from '../../db/client.js';
import { organizations, people } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { can, authorize, authorizeRecord } from '../../platform/permissions.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { likePattern } from '../../platform/pagination.js';
import { notify } from '../../platform/notifications/notifications.js';
import './points-of-contact.policy.js';
import { contactAssignments, contactRequests } from './points-of-contact.table.js';

export const topicLabels: Record<ContactTopic, string> = {
  work_based_learning: 'work-based learning',
  curriculum: 'curriculum',
  career_placement: 'career placement',
};

const assignmentColumns = {
  id: contactAssignments.id,
  organizationId: contactAssignments.organizationId,
  organizationName: organizations.name,
  organizationType: organizations.type,
  topic: contactAssignments.topic,
  personId: contactAssignments.personId,
  name: people.name,
  title: people.title,
  email: people.email,
  createdAt: contactAssignments.createdAt,
};

function selectAssignments(db: Executor) {
  return db
    .select(assignmentColumns)
    .from(contactAssignments)
    .innerJoin(organizations, and(eq(organizations.coalitionId, contactAssignments.coalitionId), eq(organizations.id, contactAssignments.organizationId)))
    .innerJoin(people, and(eq(people.coalitionId, contactAssignments.coalitionId), eq(people.id, contactAssignments.personId)));
}

const toDto = (row: Awaited<ReturnType<typeof findAssignment>> & {}): ContactAssignmentDto => ({ ...row, createdAt: row.createdAt.toISOString() });

async function findAssignment(db: Executor, coalitionId: string, id: string) {
  const [row] = await selectAssignments(db).where(and(eq(contactAssignments.coalitionId, coalitionId), eq(contactAssignments.id, id)));
  return row;
}

/** Every assignment (a coalition has a handful per member organization), by organization and topic. */
export async function listContacts(ctx: TenantCtx, query: ContactListQuery): Promise<{ items: ContactAssignmentDto[]; nextCursor: null }> {
  authorize(ctx, 'contact.list');
  const filters: (SQL | undefined)[] = [eq(contactAssignments.coalitionId, ctx.coalition.id)];
  if (query.organizationId) filters.push(eq(contactAssignments.organizationId, query.organizationId));
  if (query.topic) filters.push(eq(contactAssignments.topic, query.topic));
  if (query.personId) filters.push(eq(contactAssignments.personId, query.personId));
  if (query.q) filters.push(or(ilike(organizations.name, likePattern(query.q)), ilike(people.name, likePattern(query.q))));
  const rows = await selectAssignments(ctx.db)
    .where(and(...filters))
    .orderBy(asc(organizations.name), asc(contactAssignments.topic), asc(people.name));
  return { items: rows.map(toDto), nextCursor: null };
}

export async function assignContact(ctx: TenantCtx, input: ContactAssignmentInput): Promise<ContactAssignmentDto> {
  authorize(ctx, 'contact.assign', input);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.coalitionId, ctx.coalition.id), eq(organizations.id, input.organizationId)));
    if (!org) throw invalidField('organizationId', 'No such organization in this coalition');
    const [person] = await tx.select({ organizationId: people.organizationId }).from(people).where(and(eq(people.coalitionId, ctx.coalition.id), eq(people.id, input.personId)));
    if (!person) throw invalidField('personId', 'No such person in this coalition');
    if (person.organizationId !== input.organizationId) throw invalidField('personId', 'This person does not belong to the organization');
    const [existing] = await tx
      .select({ id: contactAssignments.id })
      .from(contactAssignments)
      .where(and(eq(contactAssignments.coalitionId, ctx.coalition.id), eq(contactAssignments.organizationId, input.organizationId), eq(contactAssignments.topic, input.topic), eq(contactAssignments.personId, input.personId)));
    if (existing) throw new AppError('conflict', 'This person is already a point of contact for that topic');
    await tx.insert(contactAssignments).values({ coalitionId: ctx.coalition.id, id, ...input });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'point_of_contact', entityId: id, changes: { ...input } });
  });
  return toDto((await findAssignment(ctx.db, ctx.coalition.id, id))!);
}

export async function unassignContact(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'contact.unassign', () => findAssignment(ctx.db, ctx.coalition.id, id), 'Point of contact');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(contactAssignments).where(and(eq(contactAssignments.coalitionId, ctx.coalition.id), eq(contactAssignments.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'point_of_contact', entityId: id, changes: { organizationId: before.organizationId, topic: before.topic, personId: before.personId } });
  });
}

/**
 * Who answers for an organization on a topic: the people named for the topic; failing that, the
 * organization's points of contact; failing that, the coalition's Coordinators. Never nobody.
 */
export async function routeTo(db: Executor, coalitionId: string, organizationId: string, topic: ContactTopic): Promise<{ personIds: string[]; routedBy: 'topic' | 'organization' | 'coordinator' }> {
  const named = await db
    .select({ personId: contactAssignments.personId })
    .from(contactAssignments)
    .where(and(eq(contactAssignments.coalitionId, coalitionId), eq(contactAssignments.organizationId, organizationId), eq(contactAssignments.topic, topic)));
  if (named.length) return { personIds: named.map((r) => r.personId), routedBy: 'topic' };
  const general = await db
    .select({ personId: people.id })
    .from(people)
    .where(and(eq(people.coalitionId, coalitionId), eq(people.organizationId, organizationId), sql`'point_of_contact' = any(${people.roles})`));
  if (general.length) return { personIds: general.map((r) => r.personId), routedBy: 'organization' };
  const coordinators = await db.select({ personId: people.id }).from(people).where(and(eq(people.coalitionId, coalitionId), sql`'coordinator' = any(${people.roles})`));
  return { personIds: coordinators.map((r) => r.personId), routedBy: 'coordinator' };
}

export async function sendRequest(ctx: TenantCtx, input: ContactRequestInput): Promise<ContactRequestDto> {
  authorize(ctx, 'contact.request');
  const id = newId();
  const mailIds = await ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(and(eq(organizations.coalitionId, ctx.coalition.id), eq(organizations.id, input.organizationId)));
    if (!org) throw invalidField('organizationId', 'No such organization in this coalition');
    const route = await routeTo(tx, ctx.coalition.id, input.organizationId, input.topic);
    await tx.insert(contactRequests).values({ coalitionId: ctx.coalition.id, id, ...input, fromPersonId: ctx.principal.personId, routedTo: route.personIds, routedBy: route.routedBy });
    await notify(tx, ctx.coalition.id, route.personIds, { kind: 'points_of_contact.request', payload: { requestId: id, organizationId: input.organizationId, organizationName: org.name, topic: input.topic, subject: input.subject, from: ctx.actor.name } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'contact_request', entityId: id, changes: { organizationId: input.organizationId, topic: input.topic, routedTo: route.personIds, routedBy: route.routedBy } });
    // Contacts without an account (or who are away from the app) get it by e-mail as well.
    const recipients = route.personIds.length ? await tx.select({ email: people.email }).from(people).where(and(eq(people.coalitionId, ctx.coalition.id), inArray(people.id, route.personIds))) : [];
    const ids: string[] = [];
    for (const r of recipients) {
      if (!r.email) continue;
      ids.push(
        await ctx.services.mailer.enqueue(tx, {
          coalitionId: ctx.coalition.id,
          to: r.email,
          kind: 'contact_request',
          subject: `[${ctx.coalition.name}] ${topicLabels[input.topic]}: ${input.subject}`,
          text: `${ctx.actor.name} wrote to ${org.name} about ${topicLabels[input.topic]}:\n\n${input.body}\n\nReply to them on TalentBridge: ${ctx.baseUrl}/c/${ctx.coalition.slug}`,
        }),
      );
    }
    return ids;
  });
  for (const mailId of mailIds) await ctx.services.mailer.deliver(ctx.db, mailId);
  return (await requestDtos(ctx, [eq(contactRequests.id, id)]))[0]!;
}

async function requestDtos(ctx: TenantCtx, where: SQL[]): Promise<ContactRequestDto[]> {
  const rows = await ctx.db
    .select({ request: contactRequests, organizationName: organizations.name })
    .from(contactRequests)
    .innerJoin(organizations, and(eq(organizations.coalitionId, contactRequests.coalitionId), eq(organizations.id, contactRequests.organizationId)))
    .where(and(eq(contactRequests.coalitionId, ctx.coalition.id), ...where))
    .orderBy(desc(contactRequests.createdAt))
    .limit(200);
  const ids = [...new Set(rows.flatMap((r) => [...r.request.routedTo, ...(r.request.fromPersonId ? [r.request.fromPersonId] : [])]))];
  const names = ids.length ? await ctx.db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.coalitionId, ctx.coalition.id), inArray(people.id, ids))) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map(({ request: r, organizationName }) => ({
    id: r.id,
    organizationId: r.organizationId,
    organizationName,
    topic: r.topic as ContactTopic,
    subject: r.subject,
    body: r.body,
    from: r.fromPersonId && nameOf.has(r.fromPersonId) ? { personId: r.fromPersonId, name: nameOf.get(r.fromPersonId)! } : null,
    routedTo: r.routedTo.filter((p) => nameOf.has(p)).map((p) => ({ personId: p, name: nameOf.get(p)! })),
    routedBy: r.routedBy,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Requests you sent or that reached you (the Coordinator: all), newest first. */
export async function listRequests(ctx: TenantCtx): Promise<{ items: ContactRequestDto[]; nextCursor: null }> {
  authorize(ctx, 'contact.readRequests');
  const me = ctx.principal.personId;
  const mine = can({ actor: ctx.actor, principal: ctx.principal }, 'contact.readAllRequests') ? [] : [or(eq(contactRequests.fromPersonId, me), sql`${me}::uuid = any(${contactRequests.routedTo})`)!];
  return { items: await requestDtos(ctx, mine), nextCursor: null };
}
