import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { UNSUBSCRIBE_WEB_PATH } from '../../../shared/communications.contract.js';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { communicationKeys, communicationPreferences } from './communications.table.js';

/**
 * One-click unsubscribe (RFC 8058). Every bulk message carries
 *   List-Unsubscribe: <…/api/v1/unsubscribe/{token}>
 *   List-Unsubscribe-Post: List-Unsubscribe=One-Click
 * and a footer link to the web page. The token names the coalition and the person and is signed with
 * the coalition's key (communication_keys, so every process verifies it); it never expires, as a
 * link in an old message must still work. Knowing it lets one unsubscribe that person and nothing else.
 */
export type MailCategory = 'announcements' | 'digest' | 'meetingFollowUps';

const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;
const keys = new Map<string, string>();

// Compact so the link stays short (and within the router's path-segment limit): ids as base64url of
// their 16 bytes, the HMAC-SHA256 truncated to 128 bits.
const compact = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url');
function expand(text: string): string | null {
  const hex = Buffer.from(text, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const signature = (secret: string, coalitionId: string, personId: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${coalitionId}:${personId}`).digest().subarray(0, 16).toString('base64url');

/** The coalition's signing key, made on first use (two processes racing keep the first). */
async function signingKey(db: Executor, coalitionId: string, create: boolean): Promise<string | undefined> {
  const cached = keys.get(coalitionId);
  if (cached) return cached;
  const read = async () => (await db.select({ secret: communicationKeys.secret }).from(communicationKeys).where(eq(communicationKeys.coalitionId, coalitionId)))[0]?.secret;
  let secret = await read();
  if (!secret && create) {
    await db.insert(communicationKeys).values({ coalitionId, secret: randomBytes(32).toString('base64url') }).onConflictDoNothing();
    secret = await read();
  }
  if (secret) keys.set(coalitionId, secret);
  return secret;
}

/** Signs unsubscribe tokens for the people of one coalition. */
export async function unsubscribeSigner(db: Executor, coalitionId: string): Promise<(personId: string) => string> {
  const secret = (await signingKey(db, coalitionId, true))!;
  return (personId) => `${compact(coalitionId)}.${compact(personId)}.${signature(secret, coalitionId, personId)}`;
}

/** The coalition and person a token names, or a 404 (a forged or mangled link looks like no link). */
export async function verifyUnsubscribeToken(db: Executor, token: string): Promise<{ coalitionId: string; personId: string }> {
  const match = TOKEN.exec(token);
  const invalid = new AppError('not_found', 'This unsubscribe link is not valid');
  if (!match) throw invalid;
  const coalitionId = expand(match[1]!);
  const personId = expand(match[2]!);
  if (!coalitionId || !personId) throw invalid;
  const secret = await signingKey(db, coalitionId, false);
  if (!secret) throw invalid;
  const expected = Buffer.from(signature(secret, coalitionId, personId));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  return { coalitionId, personId };
}

/** Headers and footer lines that let a recipient leave with one click. */
export function unsubscribeParts(baseUrl: string, slug: string, token: string): { headers: Record<string, string>; footer: string[] } {
  return {
    headers: {
      'List-Unsubscribe': `<${baseUrl}/api/v1/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    footer: [
      '--',
      `Unsubscribe from all coalition mail: ${baseUrl}${UNSUBSCRIBE_WEB_PATH}/${token}`,
      `Choose what you receive: ${baseUrl}/c/${slug}/communications/preferences`,
    ],
  };
}

const categoryColumn = {
  announcements: communicationPreferences.announcements,
  digest: communicationPreferences.digest,
  meetingFollowUps: communicationPreferences.meetingFollowUps,
} as const;

const categorySqlName = { announcements: 'announcements', digest: 'digest', meetingFollowUps: 'meeting_follow_ups' } as const;

/** SQL true when the person (column holding their id) may not be mailed this category: unsubscribed or opted out. */
export function optedOutSql(personId: unknown, coalitionId: string, category: MailCategory) {
  return sql`exists (select 1 from ${communicationPreferences} cp where cp.coalition_id = ${coalitionId} and cp.person_id = ${personId}
    and (cp.unsubscribed_at is not null or not cp.${sql.identifier(categorySqlName[category])}))`;
}

/** Of these people, those who must not be mailed this category. No preference row means everything is on. */
export async function optedOut(db: Executor, coalitionId: string, personIds: string[], category: MailCategory): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  // A long list (a whole coalition) is not sent as parameters: the coalition's opt-outs are read instead.
  const many = personIds.length > 1000;
  const rows = await db
    .select({ personId: communicationPreferences.personId })
    .from(communicationPreferences)
    .where(
      and(
        eq(communicationPreferences.coalitionId, coalitionId),
        many ? undefined : inArray(communicationPreferences.personId, personIds),
        or(isNotNull(communicationPreferences.unsubscribedAt), eq(categoryColumn[category], false)),
      ),
    );
  if (!many) return new Set(rows.map((r) => r.personId));
  const wanted = new Set(personIds);
  return new Set(rows.map((r) => r.personId).filter((id) => wanted.has(id)));
}

/**
 * For a room that mails people (meeting follow-ups): who may be mailed, and each message's
 * List-Unsubscribe headers and footer. Everyone who unsubscribed or opted out is left out.
 */
export async function bulkMailPlan(db: Executor, options: { coalitionId: string; slug: string; baseUrl: string; personIds: string[]; category: MailCategory }) {
  const [blocked, sign] = await Promise.all([optedOut(db, options.coalitionId, options.personIds, options.category), unsubscribeSigner(db, options.coalitionId)]);
  return {
    allowed: (personId: string) => !blocked.has(personId),
    parts: (personId: string) => unsubscribeParts(options.baseUrl, options.slug, sign(personId)),
  };
}
