import { and, eq, gt, isNull } from 'drizzle-orm';
import type { InvitationAcceptInput, InvitationCreateInput, InvitationDto, MeDto } from '../../../shared/auth.contract.js';
import type { Role } from '../../../shared/common.contract.js';
import { organizations, people, users } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { createUser, findUserByEmail, me, startSession, type NewSession } from '../../platform/auth/auth.service.js';
import { newId, newSecret, sha256 } from '../../platform/auth/secrets.js';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import { isoDates } from '../../platform/dto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { authorize } from '../../platform/permissions.js';
import './coalitions.policy.js';
import { invitationColumns, memberByEmail, openInvitations } from './coalitions.queries.js';
import { coalitions, invitations } from './coalitions.table.js';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const toDto = (row: Awaited<ReturnType<typeof openInvitations>>[number]): InvitationDto => ({ ...isoDates(row), roles: row.roles as Role[] });

export async function listInvitations(ctx: TenantCtx): Promise<{ items: InvitationDto[] }> {
  authorize(ctx, 'invitation.list');
  return { items: (await openInvitations(ctx.db, ctx.coalition.id)).map(toDto) };
}

export async function createInvitation(ctx: TenantCtx, input: InvitationCreateInput): Promise<InvitationDto> {
  authorize(ctx, 'invitation.create');
  const { secret, hash } = newSecret();
  const id = newId();
  const mailId = await ctx.db.transaction(async (tx) => {
    const existing = await memberByEmail(tx, ctx.coalition.id, input.email);
    if (existing?.userId) throw new AppError('conflict', 'This person is already a member', { errors: [{ path: 'email', message: 'Already a member' }] });
    if (input.organizationId) {
      const [org] = await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.coalitionId, ctx.coalition.id), eq(organizations.id, input.organizationId)));
      if (!org) throw invalidField('organizationId', 'No such organization in this coalition');
    }
    await tx.insert(invitations).values({
      coalitionId: ctx.coalition.id,
      id,
      tokenHash: hash,
      email: input.email,
      name: input.name ?? null,
      roles: input.roles,
      organizationId: input.organizationId ?? null,
      invitedBy: ctx.actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'invitation', entityId: id, changes: { email: input.email, roles: input.roles } });
    return ctx.services.mailer.enqueue(tx, {
      coalitionId: ctx.coalition.id,
      to: input.email,
      kind: 'invitation',
      subject: `You are invited to ${ctx.coalition.name} on TalentBridge`,
      text: [
        `Hello${input.name ? ' ' + input.name : ''},`,
        '',
        `${ctx.actor.name} invited you to join ${ctx.coalition.name} on TalentBridge as ${input.roles.join(', ').replaceAll('_', ' ')}.`,
        'Accept within seven days with this single-use link:',
        `${ctx.baseUrl}/invite?token=${secret}`,
      ].join('\n'),
    });
  });
  await ctx.services.mailer.deliver(ctx.db, mailId);
  const row = (await openInvitations(ctx.db, ctx.coalition.id)).find((i) => i.id === id)!;
  return toDto(row);
}

export async function revokeInvitation(ctx: TenantCtx, id: string): Promise<void> {
  authorize(ctx, 'invitation.revoke');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.coalitionId, ctx.coalition.id), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (!row) throw new AppError('not_found', 'Invitation not found');
    await recordAudit(tx, ctx, { action: 'revoke', entityType: 'invitation', entityId: id });
  });
}

async function usableInvitation(db: Ctx['db'], token: string) {
  const [row] = await db
    .select({ ...invitationColumns, coalitionId: invitations.coalitionId, coalitionName: coalitions.name, coalitionSlug: coalitions.slug, timeZone: coalitions.timeZone })
    .from(invitations)
    .innerJoin(coalitions, eq(coalitions.id, invitations.coalitionId))
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  if (!row) throw new AppError('not_found', 'This invitation has expired, was already used, or was withdrawn');
  return row;
}

export async function previewInvitation(ctx: Ctx, token: string) {
  authorize(ctx, 'invitation.preview');
  const row = await usableInvitation(ctx.db, token);
  return {
    coalitionName: row.coalitionName,
    coalitionSlug: row.coalitionSlug,
    email: row.email,
    name: row.name,
    roles: row.roles as Role[],
    accountExists: Boolean(await findUserByEmail(ctx.db, row.email)),
  };
}

/**
 * Accepting links the invitee's account (new, or the signed-in one with the invited e-mail) to a
 * person in the coalition with the invited roles. Returns a new session when it signed them in.
 */
export async function acceptInvitation(ctx: Ctx, input: InvitationAcceptInput): Promise<{ session: NewSession | null; me: MeDto }> {
  authorize(ctx, 'invitation.accept');
  const invitation = await usableInvitation(ctx.db, input.token);
  let userId: string;
  let newAccount = false;
  await ctx.db.transaction(async (tx) => {
    // Claim first: a second acceptance of the same link finds nothing to claim.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.coalitionId, invitation.coalitionId),
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .returning({ id: invitations.id });
    if (!claimed) throw new AppError('not_found', 'This invitation was already used');
    await ctx.services.mailer.forgetLinkToken(tx, input.token, invitation.coalitionId);
    if (ctx.actor) {
      if (ctx.actor.email.toLowerCase() !== invitation.email.toLowerCase()) {
        throw new AppError('forbidden', `This invitation is for ${invitation.email}; sign out and accept it with that account`);
      }
      userId = ctx.actor.userId;
    } else {
      const existing = await findUserByEmail(tx, invitation.email);
      if (existing) throw new AppError('unauthenticated', 'An account with this e-mail exists: sign in, then open the link again');
      if (!input.password) throw invalidField('password', 'Choose a password');
      const name = input.name ?? invitation.name;
      if (!name) throw invalidField('name', 'Required');
      userId = (await createUser(tx, { name, email: invitation.email, password: input.password })).id;
      newAccount = true;
    }
    const roles = invitation.roles as Role[];
    const person = await memberByEmail(tx, invitation.coalitionId, invitation.email);
    const personId = person?.id ?? newId();
    if (person) {
      const merged = [...new Set([...(person.roles as Role[]), ...roles])];
      await tx
        .update(people)
        .set({ userId, roles: merged, ...(invitation.organizationId ? { organizationId: invitation.organizationId } : {}), updatedAt: new Date() })
        .where(and(eq(people.coalitionId, invitation.coalitionId), eq(people.id, person.id)));
    } else {
      const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
      await tx.insert(people).values({
        coalitionId: invitation.coalitionId,
        id: personId,
        userId,
        name: user!.name,
        email: invitation.email,
        roles,
        organizationId: invitation.organizationId,
      });
    }
    const tenant: TenantCtx = {
      ...ctx,
      actor: ctx.actor ?? { userId, email: invitation.email, name: '', via: 'session' },
      coalition: { id: invitation.coalitionId, slug: invitation.coalitionSlug, name: invitation.coalitionName, timeZone: invitation.timeZone },
      principal: { personId, roles: new Set(roles), organizationId: invitation.organizationId, organizationType: null },
    };
    await recordAudit(tx, tenant, { action: 'accept', entityType: 'invitation', entityId: invitation.id, changes: { personId, newAccount } });
  });
  if (ctx.actor) return { session: null, me: await me(ctx) };
  const session = await startSession(ctx, userId!);
  return { session, me: session.me };
}
