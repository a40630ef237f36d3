import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { EmailChangeInput, MeDto, PasswordChangeInput, PasswordResetCompleteInput, SignInInput, SignUpInput } from '../../../shared/auth.contract.js';
import type { Role } from '../../../shared/common.contract.js';
import { coalitions, people } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { AppError, invalidField } from '../errors.js';
import { authorize } from '../permissions.js';
import { isoDates } from '../dto.js';
import { hit, reset } from '../ratelimit/ratelimit.js';
import { apiTokens, emailChanges, passwordResets, sessions, signInFailures, users } from './accounts.table.js';
import { assertStrongPassword } from './passwords.js';
import './auth.policy.js';
import { dummyPasswordHash, hashPassword, newId, newSecret, sha256, verifyPassword } from './secrets.js';
import { API_TOKEN_PREFIX, createSession, destroySession, destroyUserSessions } from './sessions.js';

const SIGN_IN_LIMITS = {
  address: { max: 50, windowSeconds: 15 * 60 },
};
/**
 * Per-account back-off (docs/decisions/014): the first FREE failures cost nothing; after that each
 * attempt must wait 2^(failures-FREE) seconds after the last failure, up to MAX. Failures older than
 * FORGET no longer count. A success or a completed password reset clears the count.
 */
export const BACKOFF = { free: 5, maxSeconds: 15 * 60, forgetMs: 24 * 60 * 60 * 1000 } as const;
export const backoffSeconds = (failures: number) => (failures < BACKOFF.free ? 0 : Math.min(2 ** (failures - BACKOFF.free), BACKOFF.maxSeconds));
/** A session signed in this recently counts as re-authenticated for sensitive changes. */
export const REAUTH_WINDOW_MS = 10 * 60 * 1000;
const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
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
  assertStrongPassword(input.password, 'password', { email: input.email, name: input.name });
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
  const accountKey = signInKey(input.email);
  await hit(ctx.db, `signin:address:${ctx.ip}`, SIGN_IN_LIMITS.address);
  await checkBackoff(ctx.db, accountKey);
  const demoRefused = ctx.services.config.production && input.email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
  const user = demoRefused ? undefined : await findUserByEmail(ctx.db, input.email);
  // Verify even when there is no such account, so the answer takes as long either way.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    await recordFailure(ctx.db, accountKey);
    throw new AppError('unauthenticated', 'The e-mail or password is not right');
  }
  await clearFailures(ctx.db, accountKey);
  // Rotation: whatever session the browser held is replaced by a new one.
  if (ctx.actor?.sessionHash) await destroySession(ctx.db, ctx.actor.sessionHash);
  return startSession(ctx, user.id);
}

const signInKey = (email: string) => `signin:account:${email.toLowerCase()}`;

/** 429 with Retry-After while the account's back-off after its last failure has not yet passed. */
async function checkBackoff(db: Executor, accountKey: string): Promise<void> {
  const [row] = await db.select().from(signInFailures).where(eq(signInFailures.accountKey, accountKey));
  if (!row) return;
  const since = Date.now() - row.lastFailedAt.getTime();
  if (since > BACKOFF.forgetMs) return;
  const remaining = backoffSeconds(row.failures) * 1000 - since;
  if (remaining > 0) {
    const retryAfter = Math.ceil(remaining / 1000);
    throw new AppError('rate_limited', `Too many failed attempts. Try again in ${retryAfter} seconds.`, { headers: { 'retry-after': String(retryAfter) } });
  }
}

async function recordFailure(db: Executor, accountKey: string): Promise<void> {
  await db.execute(sql`
    insert into sign_in_failures (account_key, failures, last_failed_at) values (${accountKey}, 1, now())
    on conflict (account_key) do update set
      failures = case when sign_in_failures.last_failed_at < now() - make_interval(secs => ${BACKOFF.forgetMs / 1000}) then 1 else sign_in_failures.failures + 1 end,
      last_failed_at = now()`);
}

async function clearFailures(db: Executor, accountKey: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.accountKey, accountKey));
}

/**
 * Re-authentication for a sensitive change (ASVS 5.0 V7.5.1): the current password, checked under
 * the same back-off as sign-in, or (when `recentSuffices`) a session signed in within REAUTH_WINDOW_MS.
 */
async function reauthenticate(ctx: Ctx, currentPassword: string | undefined, options: { recentSuffices: boolean }) {
  const actor = ctx.actor!;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
  if (currentPassword === undefined) {
    const recent = actor.via === 'session' && actor.sessionCreatedAt && Date.now() - actor.sessionCreatedAt.getTime() < REAUTH_WINDOW_MS;
    if (options.recentSuffices && recent) return user;
    throw new AppError('invalid', 'Enter your current password to confirm this change', {
      errors: [{ path: 'currentPassword', message: 'Enter your current password to confirm' }],
    });
  }
  const key = signInKey(user.email);
  await checkBackoff(ctx.db, key);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordFailure(ctx.db, key);
    throw new AppError('invalid', 'The current password is not right', { errors: [{ path: 'currentPassword', message: 'Not right' }] });
  }
  await clearFailures(ctx.db, key);
  return user;
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
  assertStrongPassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    // Single use: claiming the row and checking it is one statement, so two tabs cannot both use it.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, sha256(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!claimed) throw new AppError('invalid', 'This link has expired or was already used', { errors: [{ path: 'token', message: 'Expired or already used' }] });
    await ctx.services.mailer.forgetLinkToken(tx, input.token, null);
    const [user] = await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, claimed.userId)).returning({ email: users.email });
    // A new password signs out every device and revokes every API token (ASVS 5.0 V7.4.3).
    await destroyUserSessions(tx, claimed.userId);
    await revokeUserTokens(tx, claimed.userId);
    // Whoever reset the password is the owner of the mailbox: the back-off no longer applies.
    if (user) await clearFailures(tx, signInKey(user.email));
  });
}

async function revokeUserTokens(db: Executor, userId: string): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Changes the password with the current one; every other session and every API token ends. */
export async function changePassword(ctx: Ctx, input: PasswordChangeInput): Promise<void> {
  authorize(ctx, 'account.changePassword');
  const user = await reauthenticate(ctx, input.currentPassword, { recentSuffices: false });
  assertStrongPassword(input.newPassword, 'newPassword', { email: user.email, name: user.name });
  const passwordHash = await hashPassword(input.newPassword);
  const keep = ctx.actor!.via === 'session' ? ctx.actor!.sessionHash : undefined;
  const mailId = await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(keep ? and(eq(sessions.userId, user.id), ne(sessions.idHash, keep)) : eq(sessions.userId, user.id));
    await revokeUserTokens(tx, user.id);
    return ctx.services.mailer.enqueue(tx, {
      coalitionId: null,
      to: user.email,
      kind: 'password_changed',
      subject: 'Your TalentBridge password was changed',
      text: [
        `Hello ${user.name},`,
        '',
        'The password of your TalentBridge account was just changed. Your other devices were signed out and your API tokens were revoked.',
        '',
        `If it was not you, reset your password at once: ${ctx.baseUrl}/forgot-password`,
      ].join('\n'),
    });
  });
  await ctx.services.mailer.deliver(ctx.db, mailId);
}

/**
 * Signs out every other session of the account ("sign out everywhere else"); this one stays, and
 * signs out as usual. API tokens are revoked one by one.
 */
export async function signOutOthers(ctx: Ctx): Promise<number> {
  authorize(ctx, 'account.signOutOthers');
  const keep = ctx.actor!.via === 'session' ? ctx.actor!.sessionHash : undefined;
  const ended = await ctx.db
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, ctx.actor!.userId), ne(sessions.idHash, keep)) : eq(sessions.userId, ctx.actor!.userId))
    .returning({ idHash: sessions.idHash });
  return ended.length;
}

/**
 * Asks to change the account's e-mail: a single-use link goes to the new address (the change takes
 * effect only when it is opened), and a notice to the old one.
 */
export async function requestEmailChange(ctx: Ctx, input: EmailChangeInput): Promise<void> {
  authorize(ctx, 'account.changeEmail');
  const user = await reauthenticate(ctx, input.currentPassword, { recentSuffices: false });
  if (input.newEmail.toLowerCase() === user.email.toLowerCase()) throw invalidField('newEmail', 'This is already your e-mail address');
  if (await findUserByEmail(ctx.db, input.newEmail)) {
    throw new AppError('conflict', 'An account with this e-mail already exists', { errors: [{ path: 'newEmail', message: 'An account with this e-mail already exists' }] });
  }
  const { secret, hash } = newSecret();
  const mailIds = await ctx.db.transaction(async (tx) => {
    await tx.insert(emailChanges).values({ tokenHash: hash, userId: user.id, newEmail: input.newEmail, expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_MS) });
    const confirm = await ctx.services.mailer.enqueue(tx, {
      coalitionId: null,
      to: input.newEmail,
      kind: 'email_change_confirm',
      subject: 'Confirm your new TalentBridge e-mail address',
      text: [`Hello ${user.name},`, '', 'To use this address for your TalentBridge account, open this link within 24 hours:', `${ctx.baseUrl}/confirm-email?token=${secret}`, '', 'If you did not ask for this, ignore this message.'].join('\n'),
    });
    const notice = await ctx.services.mailer.enqueue(tx, {
      coalitionId: null,
      to: user.email,
      kind: 'email_change_notice',
      subject: 'Your TalentBridge e-mail address is being changed',
      text: [`Hello ${user.name},`, '', `Someone signed in to your TalentBridge account asked to change its e-mail address to ${input.newEmail}. It changes only when the link sent there is opened.`, '', `If it was not you, reset your password at once: ${ctx.baseUrl}/forgot-password`].join('\n'),
    });
    return [confirm, notice];
  });
  for (const id of mailIds) await ctx.services.mailer.deliver(ctx.db, id);
}

/** Opens the link sent to the new address: the e-mail changes, single use, within its expiry. */
export async function confirmEmailChange(ctx: Ctx, token: string): Promise<void> {
  authorize(ctx, 'account.confirmEmail');
  await hit(ctx.db, `email-confirm:address:${ctx.ip}`, { max: 20, windowSeconds: 15 * 60 });
  const mailId = await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(emailChanges)
      .set({ usedAt: new Date() })
      .where(and(eq(emailChanges.tokenHash, sha256(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, new Date())))
      .returning({ userId: emailChanges.userId, newEmail: emailChanges.newEmail });
    if (!claimed) throw new AppError('invalid', 'This link has expired or was already used', { errors: [{ path: 'token', message: 'Expired or already used' }] });
    await ctx.services.mailer.forgetLinkToken(tx, token, null);
    if (await findUserByEmail(tx, claimed.newEmail)) {
      throw new AppError('conflict', 'An account with this e-mail already exists', { errors: [{ path: 'token', message: 'The new address is taken' }] });
    }
    const [before] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, claimed.userId));
    await tx.update(users).set({ email: claimed.newEmail }).where(eq(users.id, claimed.userId));
    // Other pending changes of this account are void now.
    await tx.update(emailChanges).set({ usedAt: new Date() }).where(and(eq(emailChanges.userId, claimed.userId), isNull(emailChanges.usedAt)));
    return ctx.services.mailer.enqueue(tx, {
      coalitionId: null,
      to: before!.email,
      kind: 'email_changed',
      subject: 'Your TalentBridge e-mail address was changed',
      text: [`Hello ${before!.name},`, '', `The e-mail address of your TalentBridge account is now ${claimed.newEmail}.`, '', 'If it was not you, contact your coalition Coordinator at once.'].join('\n'),
    });
  });
  await ctx.services.mailer.deliver(ctx.db, mailId);
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

export async function createApiToken(ctx: Ctx, name: string, currentPassword?: string) {
  authorize(ctx, 'account.manageTokens');
  await reauthenticate(ctx, currentPassword, { recentSuffices: true });
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
