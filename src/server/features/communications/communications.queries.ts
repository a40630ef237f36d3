import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Audience } from '../../../shared/meetings.contract.js';
import type { Executor } from '../../db/client.js';
import { initiatives, people } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor } from '../../platform/pagination.js';
import { announcements, communicationDeliveries } from './communications.table.js';
import { optedOutSql, type MailCategory } from './unsubscribe.js';

export const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
export const uuidArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::uuid[]`;

/**
 * The segment as a condition on `people p`: the union of people with any of the roles, at
 * organizations of any of the types, on any of the initiatives (owner or stakeholder), points of
 * contact (by role or by an organization's topic assignment), or named. Undefined for an empty segment.
 */
export function audienceCondition(coalitionId: string, a: Audience): SQL | undefined {
  const any: SQL[] = [];
  if (a.roles.length) any.push(sql`p.roles && ${textArray(a.roles)}`);
  if (a.pointsOfContact) {
    any.push(sql`('point_of_contact' = any(p.roles) or exists (select 1 from contact_assignments ca where ca.coalition_id = ${coalitionId} and ca.person_id = p.id))`);
  }
  if (a.personIds.length) any.push(sql`p.id = any(${uuidArray(a.personIds)})`);
  if (a.organizationTypes.length) {
    any.push(sql`exists (select 1 from organizations o where o.coalition_id = ${coalitionId} and o.id = p.organization_id and o.type = any(${textArray(a.organizationTypes)}))`);
  }
  if (a.initiativeIds.length) {
    const ids = uuidArray(a.initiativeIds);
    any.push(sql`(exists (select 1 from initiative_stakeholders s where s.coalition_id = ${coalitionId} and s.initiative_id = any(${ids}) and s.person_id = p.id)
      or exists (select 1 from initiatives i where i.coalition_id = ${coalitionId} and i.id = any(${ids}) and i.owner_id = p.id))`);
  }
  return any.length ? sql`(${sql.join(any, sql` or `)})` : undefined;
}

const hasEmail = sql`(p.email is not null and p.email <> '')`;

/** How many the segment holds, how many would be mailed, and a sample by name. Sends nothing. */
export async function previewAudience(db: Executor, coalitionId: string, condition: SQL, sampleSize: number) {
  const blocked = optedOutSql(sql`p.id`, coalitionId, 'announcements');
  const [counts] = (
    await db.execute<{ total: number; mailable: number; opted_out: number; without_email: number }>(sql`
      select count(*)::int as total,
        count(*) filter (where ${hasEmail} and not ${blocked})::int as mailable,
        count(*) filter (where ${hasEmail} and ${blocked})::int as opted_out,
        count(*) filter (where not ${hasEmail})::int as without_email
      from people p where p.coalition_id = ${coalitionId} and ${condition}`)
  ).rows;
  const sample = (
    await db.execute<{ id: string; name: string; organization_name: string | null; roles: string[]; mailable: boolean }>(sql`
      select p.id, p.name, o.name as organization_name, p.roles, (${hasEmail} and not ${blocked}) as mailable
      from people p left join organizations o on o.coalition_id = p.coalition_id and o.id = p.organization_id
      where p.coalition_id = ${coalitionId} and ${condition}
      order by p.name, p.id limit ${sampleSize}`)
  ).rows;
  return {
    total: Number(counts?.total ?? 0),
    mailable: Number(counts?.mailable ?? 0),
    optedOut: Number(counts?.opted_out ?? 0),
    withoutEmail: Number(counts?.without_email ?? 0),
    sample: sample.map((r) => ({ id: r.id, name: r.name, organizationName: r.organization_name, roles: r.roles, mailable: Boolean(r.mailable) })),
  };
}

export interface Recipient {
  id: string;
  name: string;
  email: string | null;
  userId: string | null;
  blocked: boolean;
}

/** Everyone in the segment, by id, with whether they may be mailed this category. */
export async function recipientsOf(db: Executor, coalitionId: string, condition: SQL, category: MailCategory): Promise<Recipient[]> {
  const rows = await db.execute<{ id: string; name: string; email: string | null; user_id: string | null; blocked: boolean }>(sql`
    select p.id, p.name, nullif(p.email, '') as email, p.user_id, ${optedOutSql(sql`p.id`, coalitionId, category)} as blocked
    from people p where p.coalition_id = ${coalitionId} and ${condition} order by p.id`);
  return rows.rows.map((r) => ({ id: r.id, name: r.name, email: r.email, userId: r.user_id, blocked: Boolean(r.blocked) }));
}

/** Delivery counts by channel for these announcements. */
export async function deliveryCounts(db: Executor, coalitionId: string, kind: string, refIds: string[]) {
  const out = new Map<string, { email: number; suppressed: number; no_address: number }>();
  for (const id of refIds) out.set(id, { email: 0, suppressed: 0, no_address: 0 });
  if (refIds.length === 0) return out;
  const rows = await db
    .select({ refId: communicationDeliveries.refId, channel: communicationDeliveries.channel, n: count() })
    .from(communicationDeliveries)
    .where(and(eq(communicationDeliveries.coalitionId, coalitionId), eq(communicationDeliveries.kind, kind), inArray(communicationDeliveries.refId, refIds)))
    .groupBy(communicationDeliveries.refId, communicationDeliveries.channel);
  for (const r of rows) {
    const entry = out.get(r.refId);
    if (entry && (r.channel === 'email' || r.channel === 'suppressed' || r.channel === 'no_address')) entry[r.channel] = r.n;
  }
  return out;
}

export async function findAnnouncement(db: Executor, coalitionId: string, id: string) {
  const [row] = await db.select().from(announcements).where(and(eq(announcements.coalitionId, coalitionId), eq(announcements.id, id)));
  return row;
}

export async function receivedBy(db: Executor, coalitionId: string, announcementId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: communicationDeliveries.personId })
    .from(communicationDeliveries)
    .where(and(eq(communicationDeliveries.coalitionId, coalitionId), eq(communicationDeliveries.kind, 'announcement'), eq(communicationDeliveries.refId, announcementId), eq(communicationDeliveries.personId, personId)));
  return row !== undefined;
}

export async function namesOf(db: Executor, coalitionId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.coalitionId, coalitionId), inArray(people.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Ids among these that are not this coalition's initiatives / people (for a 422 naming the field). */
export async function unknownIds(db: Executor, coalitionId: string, what: 'initiatives' | 'people', ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const table = what === 'initiatives' ? initiatives : people;
  const found = await db.select({ id: table.id }).from(table).where(and(eq(table.coalitionId, coalitionId), inArray(table.id, ids)));
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export const newestFirst = [desc(announcements.createdAt), desc(announcements.id)];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const badCursor = () => new AppError('bad_request', 'The cursor is not valid', { errors: [{ path: 'query.cursor', message: 'Not a cursor from this list' }] });

/** A list cursor (sort value, id) checked before it reaches SQL: a forged one is a 400, never a failed cast. */
export function checkedCursor(cursor: string | undefined, sort: 'timestamp' | 'day' | 'text'): [string, string] | null {
  const values = decodeCursor(cursor, 2);
  if (!values) return null;
  const [first, id] = values.map(String) as [string, string];
  if (!UUID.test(id)) throw badCursor();
  if (sort === 'timestamp' && Number.isNaN(new Date(first).getTime())) throw badCursor();
  if (sort === 'day' && (!DAY.test(first) || Number.isNaN(new Date(`${first}T00:00:00Z`).getTime()))) throw badCursor();
  return [first, id];
}
