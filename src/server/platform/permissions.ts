import type { Role } from '../../shared/common.contract.js';
import { AppError } from './errors.js';
import type { Actor, Ctx, Principal, TenantCtx } from './context.js';

/**
 * The one answer to "may this user do this to this record". Each room declares its rules in its
 * <room>.policy.ts with definePolicy; an action nobody declared is denied. Services call
 * authorize() on their first line.
 */
export interface Subject {
  actor: Actor | null;
  /** Null outside a coalition (e.g. creating one). */
  principal: Principal | null;
}
export type Rule<R = unknown> = (subject: Subject, record: R) => boolean;

const rules = new Map<string, Rule<never>>();

export function definePolicy<T extends Record<string, Rule<never>>>(policy: T): T {
  for (const [action, rule] of Object.entries(policy)) {
    if (rules.has(action)) throw new Error(`Policy for ${action} declared twice`);
    rules.set(action, rule);
  }
  return policy;
}

export function can(subject: Subject, action: string, record?: unknown): boolean {
  const rule = rules.get(action) as Rule<unknown> | undefined;
  return rule ? rule(subject, record) : false;
}

const isTenant = (ctx: Ctx | TenantCtx): ctx is TenantCtx => 'principal' in ctx;

export function authorize(ctx: Ctx | TenantCtx, action: string, record?: unknown): void {
  const subject: Subject = { actor: ctx.actor, principal: isTenant(ctx) ? ctx.principal : null };
  if (can(subject, action, record)) return;
  if (!ctx.actor) throw new AppError('unauthenticated', 'Sign in to continue');
  throw new AppError('forbidden', 'You do not have permission to do this');
}

/** Actions declared so far, for the route-by-role test and the docs. */
export const declaredActions = () => [...rules.keys()].sort();

// Building blocks for rules.
export const anyone: Rule = () => true;
export const signedIn: Rule = (s) => s.actor !== null;
export const anyMember: Rule = (s) => s.principal !== null;
export const hasRole =
  (...allowed: Role[]): Rule =>
  (s) =>
    s.principal !== null && allowed.some((role) => s.principal!.roles.has(role));
/** A member who is not only a student: staff of member organizations. */
export const staffMember: Rule = (s) =>
  s.principal !== null && [...s.principal.roles].some((role) => role !== 'student');
export const either =
  <R>(...options: Rule<R>[]): Rule<R> =>
  (s, r) =>
    options.some((rule) => rule(s, r));

/**
 * For rules that look at the record: loads it (404 when it is not in this coalition), then
 * authorizes. Returns the record so the service does not load it twice.
 */
export async function authorizeRecord<R>(ctx: TenantCtx, action: string, load: () => Promise<R | undefined>, what: string): Promise<R> {
  const record = await load();
  if (record === undefined) throw new AppError('not_found', `${what} not found`);
  authorize(ctx, action, record);
  return record;
}
