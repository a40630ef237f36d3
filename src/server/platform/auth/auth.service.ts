import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { MeDto, PasswordResetCompleteInput, SignInInput, SignUpInput } from '../../../shared/auth.contract.js';
import type { Role } from '../../../shared/common.contract.js';
import { coalitions, people } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { authorize } from '../permissions.js';
import { isoDates } from '../dto.js';
import { hit, reset } from '../ratelimit/ratelimit.js';
import { apiTokens, passwordResets, users } from './accounts.table.js';
import './auth.policy.js';
import { dummyPasswordHash, hashPassword, newId, newSecret, sha256, verifyPassword } from './secrets.js';
import { API_TOKEN_PREFIX, createSession, destroySession, destroyUserSessions } from './sessions.js';

const SIGN_IN_LIMITS = {
  account: { max: 10, windowSeconds: 15 * 60 },
  address: { max: 50, windowSeconds: 15 * 60 },
};
const RESET_LIMIT = { max: 5, windowSeconds: 60 * 60 };
const RESET_TTL_MS = 60 * 60 * 1000;
/** The embedded demo's accounts (CONTRACT): refused outright in production. */
export const DEMO_EMAIL_DOMAIN = 'la-tech.demo';

export interface NewSession {
  secret: string;
  expiresAt: Date;
  me: MeDto;
}

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

/** Creates an account; callers decide whether sign-up is open (invitations always may). */
export async function createUser(db: Executor, input: { name: string; email: string; password: string }) {
  if (await findUserByEmail(db, input.email)) {
    throw new AppError('conflict', 'An account with this e-mail already exists', {
      errors: [{ path: 'email', message: 'An account with this e-mail already exists' }],
    });
  }
  const id = newId();
  await db.insert(users).values({ id, email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  return { id, email: input.email, name: input.name };
}

export async function signUp(ctx: Ctx, input: SignUpInput): Promise<NewSession> {
  authorize(ctx, 'account.signUp');
  if (!ctx.services.config.signUpOpen) throw new AppError('forbidden', 'Sign-up is closed: ask a coalition Coordinator for an invitation');
  await hit(ctx.db, `signup:ip:${ctx.ip}`, SIGN_IN_LIMITS.address);
  const user = await ctx.db.transaction((tx) => createUser(tx, input));
  return startSession(ctx, user.id);
}

export async function signIn(ctx: Ctx, input: SignInInput): Promise<NewSession> {
  authorize(ctx, 'account.signIn');
  const accountKey = `signin:account:${input.email.toLowerCase()}`;
  await hit(ctx.db, `signin:address:${ctx.ip}`, SIGN_IN_LIMITS.address);
  await hit(ctx.db, accountKey, SIGN_IN_LIMITS.account);
  const demoRefused = ctx.services.config.production && input.email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
  const user = demoRefused ? undefined : await findUserByEmail(ctx.db, input.email);
  // Verify even when there is no such account, so the answer takes as long either way.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) throw new AppError('unauthenticated', 'The e-mail or password is not right');
  await reset(ctx.db, accountKey);
  // Rotation: whatever session the browser held is replaced by a new one.
  if (ctx.actor?.sessionHash) await destroySession(ctx.db, ctx.actor.sessionHash);
  return startSession(ctx, user.id);
}

export async function startSession(ctx: Ctx, userId: string): Promise<NewSession> {
  const session = await createSession(ctx.db, userId, { ip: ctx.ip, userAgent: ctx.userAgent });
  return { ...session, me: await meOf(ctx, userId) };
}

export async function signOut(ctx: Ctx): Promise<void> {
  authorize(ctx, 'account.signOut');
  if (ctx.actor?.sessionHash) await destroySession(ctx.db, ctx.actor.sessionHash);
}

export async function me(ctx: Ctx): Promise<MeDto> {
  authorize(ctx, 'account.me');
  return meOf(ctx, ctx.actor!.userId);
}

async function meOf(ctx: Ctx, userId: string): Promise<MeDto> {
  const [user] = await ctx.db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
  const memberships = await ctx.db
    .select({
      coalitionId: coalitions.id,
      slug: coalitions.slug,
      name: coalitions.name,
      personId: people.id,
      roles: people.roles,
      organizationId: people.organizationId,
    })
    .from(people)
    .innerJoin(coalitions, eq(coalitions.id, people.coalitionId))
    .where(eq(people.userId, userId))
    .orderBy(coalitions.name);
  return {
    user,
    coalitions: memberships.map((m) => ({ ...m, roles: m.roles as Role[] })),
    signUpOpen: ctx.services.config.signUpOpen,
  };
}

/** Always answers the same, whether or not the account exists. */
export async function requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
  authorize(ctx, 'account.requestPasswordReset');
  await hit(ctx.db, `reset:address:${ctx.ip}`, { max: 20, windowSeconds: 60 * 60 });
  await hit(ctx.db, `reset:account:${email}`, RESET_LIMIT);
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return;
  const { secret, hash } = newSecret();
  const mailId = await ctx.db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({ tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    return ctx.services.mailer.enqueue(tx, {
      coalitionId: null,
      to: user.email,
      kind: 'password_reset',
      subject: 'Reset your TalentBridge password',
      text: [
        `Hello ${user.name},`,
        '',
        'Someone asked to reset the password of your TalentBridge account. If it was you, open this link within an hour:',
        `${ctx.baseUrl}/reset-password?token=${secret}`,
        '',
        'If it was not you, ignore this message: your password stays as it is.',
      ].join('\n'),
    });
  });
  await ctx.services.mailer.deliver(ctx.db, mailId);
}

export async function completePasswordReset(ctx: Ctx, input: PasswordResetCompleteInput): Promise<void> {
  authorize(ctx, 'account.completePasswordReset');
  await hit(ctx.db, `reset-complete:address:${ctx.ip}`, { max: 20, windowSeconds: 15 * 60 });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    // Single use: claiming the row and checking it is one statement, so two tabs cannot both use it.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, sha256(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!claimed) throw new AppError('invalid', 'This link has expired or was already used', { errors: [{ path: 'token', message: 'Expired or already used' }] });
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, claimed.userId));
    // A new password signs out every device.
    await destroyUserSessions(tx, claimed.userId);
  });
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function listApiTokens(ctx: Ctx) {
  authorize(ctx, 'account.manageTokens');
  const items = await ctx.db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, ctx.actor!.userId)).orderBy(desc(apiTokens.createdAt));
  return { items: items.map(isoDates) };
}

export async function createApiToken(ctx: Ctx, name: string) {
  authorize(ctx, 'account.manageTokens');
  const { secret, hash } = newSecret(API_TOKEN_PREFIX);
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ id: newId(), userId: ctx.actor!.userId, name, tokenHash: hash, prefix: secret.slice(0, 7) })
    .returning(tokenColumns);
  return { ...isoDates(row!), token: secret };
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'account.manageTokens');
  const [row] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.actor!.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw new AppError('not_found', 'Token not found');
}
