import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/common.contract.js';
import type { Executor } from '../../db/client.js';
import { organizations, people } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import { createInvitation } from '../coalitions/index.js';
import { holdSeat } from '../coverage/index.js';
import './prospects.policy.js';
import { prospectActivities, prospectContacts, prospects } from './prospects.table.js';

export interface ConversionResult {
  organizationId: string;
  invited: string[];
  skipped: { email: string; reason: string }[];
}

export async function logStageChange(tx: Executor, ctx: TenantCtx, prospectId: string, from: string, to: string) {
  await tx.insert(prospectActivities).values({
    coalitionId: ctx.coalition.id,
    id: newId(),
    prospectId,
    occurredOn: new Date().toISOString().slice(0, 10),
    kind: 'stage_change',
    summary: `${from} → ${to}`,
    byPersonId: ctx.principal.personId,
  });
}

/**
 * A prospect joins: it becomes a member organization, its contacts become people of that
 * organization holding their seats, and each contact with an e-mail is invited (the coalition's
 * single-use invitation link) with their roles. The conversion commits first; invitations follow
 * one by one, so one person who is already a member does not undo the others'.
 */
export async function convertProspect(ctx: TenantCtx, prospectId: string): Promise<ConversionResult> {
  authorize(ctx, 'prospect.convert');
  const coalitionId = ctx.coalition.id;
  const { organizationId, toInvite } = await ctx.db.transaction(async (tx) => {
    const [prospect] = await tx
      .select()
      .from(prospects)
      .where(and(eq(prospects.coalitionId, coalitionId), eq(prospects.id, prospectId)))
      .for('update');
    if (!prospect) throw notFound('Prospect');
    if (prospect.stage === 'member') throw new AppError('conflict', 'This prospect is already a member organization');
    const organizationId = newId();
    await tx.insert(organizations).values({ coalitionId, id: organizationId, name: prospect.name, type: prospect.type, website: prospect.website, description: prospect.notes });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'organization', entityId: organizationId, changes: { name: prospect.name, type: prospect.type, fromProspect: prospectId } });
    const contacts = await tx.select().from(prospectContacts).where(and(eq(prospectContacts.coalitionId, coalitionId), eq(prospectContacts.prospectId, prospectId)));
    const toInvite: { email: string; name: string; roles: Role[] }[] = [];
    for (const contact of contacts) {
      const personId = await personFor(tx, coalitionId, organizationId, contact);
      await tx.update(prospectContacts).set({ personId }).where(and(eq(prospectContacts.coalitionId, coalitionId), eq(prospectContacts.id, contact.id)));
      if (contact.seat) await holdSeat(tx, ctx, contact.seat, personId);
      if (contact.email) toInvite.push({ email: contact.email, name: contact.name, roles: (contact.roles.length ? contact.roles : ['member']) as Role[] });
    }
    await tx
      .update(prospects)
      .set({ stage: 'member', organizationId, nextStep: null, nextStepOn: null, updatedAt: new Date() })
      .where(and(eq(prospects.coalitionId, coalitionId), eq(prospects.id, prospectId)));
    await logStageChange(tx, ctx, prospectId, prospect.stage, 'member');
    await recordAudit(tx, ctx, { action: 'convert', entityType: 'prospect', entityId: prospectId, changes: { stage: { from: prospect.stage, to: 'member' }, organizationId } });
    return { organizationId, toInvite };
  });
  const result: ConversionResult = { organizationId, invited: [], skipped: [] };
  for (const person of toInvite) {
    try {
      await createInvitation(ctx, { email: person.email, name: person.name, roles: person.roles, organizationId });
      result.invited.push(person.email);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      result.skipped.push({ email: person.email, reason: error.message });
    }
  }
  return result;
}

/** The directory entry for a contact: the existing person with that e-mail, else a new one in the organization. */
async function personFor(tx: Executor, coalitionId: string, organizationId: string, contact: typeof prospectContacts.$inferSelect): Promise<string> {
  if (contact.email) {
    const [existing] = await tx
      .select({ id: people.id, organizationId: people.organizationId })
      .from(people)
      .where(and(eq(people.coalitionId, coalitionId), sql`lower(${people.email}) = ${contact.email.toLowerCase()}`));
    if (existing) {
      if (!existing.organizationId) await tx.update(people).set({ organizationId }).where(and(eq(people.coalitionId, coalitionId), inArray(people.id, [existing.id])));
      return existing.id;
    }
  }
  const id = newId();
  await tx.insert(people).values({ coalitionId, id, name: contact.name, title: contact.title, email: contact.email, organizationId, roles: contact.roles });
  return id;
}
