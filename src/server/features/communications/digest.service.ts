import { and, count, desc, eq, inArray, lt, or, sql, sum, type SQL } from 'drizzle-orm';
import type { DigestPreviewDto, DigestRunDto, DigestRunInput } from '../../../shared/communications.contract.js';
import type { ListQuery } from '../../../shared/common.contract.js';
import type { Db, Executor } from '../../db/client.js';
import { coalitions } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import type { MailInput } from '../../platform/mail/mailer.js';
import { toPage } from '../../platform/pagination.js';
import { authorize } from '../../platform/permissions.js';
import { registerRetryingJob, wallClock } from '../meetings/index.js';
import { communicationDeliveries, digestBatches, digestRuns } from './communications.table.js';
import { buildDigests, digestText, isEmpty, loadDigestPeople, mondayOf } from './digest.content.js';
import { checkedCursor, uuidArray } from './communications.queries.js';
import { optedOut, unsubscribeParts, unsubscribeSigner } from './unsubscribe.js';

/**
 * The weekly digest (decision 020): a run per coalition and week, split into batches of
 * DIGEST_BATCH_SIZE people by id range, one background job per batch. A batch claims its row and
 * writes its delivery records and mail in one transaction; the delivery key (digest, week, person)
 * makes the digest idempotent per person per week whatever is retried or started twice.
 */
export const DIGEST_BATCH_JOB = 'communications:digest-batch';
export const DIGEST_BATCH_SIZE = 500;
const MAX_ATTEMPTS = 3;

type RunRow = typeof digestRuns.$inferSelect;

const withAddress = sql`(p.email is not null and p.email <> '')`;

/**
 * Who gets a digest: an address, and neither unsubscribed nor opted out of the digest. Two index
 * reads filtered here, not a NOT EXISTS anti-join, which without statistics (embedded PGlite) the
 * planner runs as a nested loop over every preference for every person.
 */
async function eligibleIds(db: Executor, coalitionId: string, range: SQL): Promise<string[]> {
  const ids = (await db.execute<{ id: string }>(sql`select p.id from people p where p.coalition_id = ${coalitionId} and ${withAddress} and ${range} order by p.id`)).rows.map((r) => r.id);
  const blocked = await optedOut(db, coalitionId, ids, 'digest');
  return ids.filter((id) => !blocked.has(id));
}

function todayIn(timeZone: string): string {
  const w = wallClock(new Date(), timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

const weekLabel = (weekOf: string) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(new Date(`${weekOf}T00:00:00Z`));

async function toDtos(db: Executor, coalitionId: string, runs: RunRow[]): Promise<DigestRunDto[]> {
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const [batchRows, mailRows] = await Promise.all([
    db
      .select({ runId: digestBatches.runId, done: sql<number>`count(*) filter (where ${digestBatches.status} = 'done')`.mapWith(Number), empty: sum(digestBatches.empty).mapWith(Number) })
      .from(digestBatches)
      .where(and(eq(digestBatches.coalitionId, coalitionId), inArray(digestBatches.runId, ids)))
      .groupBy(digestBatches.runId),
    db
      .select({ week: communicationDeliveries.refId, n: count() })
      .from(communicationDeliveries)
      .where(and(eq(communicationDeliveries.coalitionId, coalitionId), eq(communicationDeliveries.kind, 'digest'), inArray(communicationDeliveries.refId, runs.map((r) => r.weekOf)), eq(communicationDeliveries.channel, 'email')))
      .groupBy(communicationDeliveries.refId),
  ]);
  const batches = new Map(batchRows.map((b) => [b.runId, b]));
  const mailed = new Map(mailRows.map((m) => [m.week, m.n]));
  return runs.map((r) => ({
    id: r.id,
    weekOf: r.weekOf,
    status: r.status as DigestRunDto['status'],
    recipients: r.recipients,
    batches: r.batches,
    batchesDone: batches.get(r.id)?.done ?? 0,
    batchSize: r.batchSize,
    emailed: mailed.get(r.weekOf) ?? 0,
    empty: batches.get(r.id)?.empty ?? 0,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}

/** Who starts a run: a person (audited as them) or the schedule (audited with no actor). */
export interface RunStarter {
  coalitionId: string;
  slug: string;
  baseUrl: string;
  personId: string | null;
  audit: (tx: Executor, entry: { entityId: string; changes: Record<string, unknown> }) => Promise<void>;
  createdByUser: string | null;
}

/**
 * Starts a week's run: finds who is eligible, cuts them into batches by id, queues one job per
 * batch. The unique (coalition, week) key makes it once per week whoever starts it, however often.
 */
export async function beginDigestRun(db: Db, starter: RunStarter, weekOf: string, batchSize = DIGEST_BATCH_SIZE): Promise<{ created: boolean }> {
  const { coalitionId } = starter;
  return db.transaction(async (tx) => {
    const id = newId();
    const inserted = await tx.insert(digestRuns).values({ coalitionId, id, weekOf, status: 'running', batchSize, createdBy: starter.personId }).onConflictDoNothing().returning({ id: digestRuns.id });
    if (inserted.length === 0) return { created: false };
    const people = await eligibleIds(tx, coalitionId, sql`true`);
    const batches = [];
    for (let start = 0, no = 1; start < people.length; start += batchSize, no++) {
      batches.push({ coalitionId, runId: id, batchNo: no, afterPersonId: start === 0 ? null : people[start - 1]!, lastPersonId: people[Math.min(start + batchSize, people.length) - 1]! });
    }
    if (batches.length) await tx.insert(digestBatches).values(batches);
    for (const b of batches) await enqueueJob(tx, { coalitionId, kind: DIGEST_BATCH_JOB, payload: { runId: id, batchNo: b.batchNo, baseUrl: starter.baseUrl, slug: starter.slug }, createdBy: starter.createdByUser });
    await tx
      .update(digestRuns)
      .set({ recipients: people.length, batches: batches.length, ...(batches.length === 0 ? { status: 'completed', finishedAt: new Date() } : {}) })
      .where(and(eq(digestRuns.coalitionId, coalitionId), eq(digestRuns.id, id)));
    await starter.audit(tx, { entityId: id, changes: { weekOf, recipients: people.length, batches: batches.length } });
    return { created: true };
  });
}

/** The Coordinator starts the week's run; a run for the week already there is returned as it is (created: false). */
export async function startDigestRun(ctx: TenantCtx, input: DigestRunInput, batchSize = DIGEST_BATCH_SIZE): Promise<{ run: DigestRunDto; created: boolean }> {
  authorize(ctx, 'digest.run');
  const coalitionId = ctx.coalition.id;
  const weekOf = mondayOf(input.weekOf ?? todayIn(ctx.coalition.timeZone));
  const outcome = await beginDigestRun(
    ctx.db,
    {
      coalitionId,
      slug: ctx.coalition.slug,
      baseUrl: ctx.baseUrl,
      personId: ctx.principal.personId,
      createdByUser: ctx.actor.userId,
      audit: (tx, entry) => recordAudit(tx, ctx, { action: 'create', entityType: 'digest_run', ...entry }),
    },
    weekOf,
    batchSize,
  );
  if (outcome.created) ctx.services.jobRunner?.poke();
  const [run] = await ctx.db.select().from(digestRuns).where(and(eq(digestRuns.coalitionId, coalitionId), eq(digestRuns.weekOf, weekOf)));
  return { run: (await toDtos(ctx.db, coalitionId, [run!]))[0]!, created: outcome.created };
}

export async function listDigestRuns(ctx: TenantCtx, query: ListQuery): Promise<{ items: DigestRunDto[]; nextCursor: string | null }> {
  authorize(ctx, 'digest.read');
  const cursor = checkedCursor(query.cursor, 'day');
  const filters: (SQL | undefined)[] = [eq(digestRuns.coalitionId, ctx.coalition.id)];
  if (cursor) filters.push(or(lt(digestRuns.weekOf, cursor[0]), and(eq(digestRuns.weekOf, cursor[0]), lt(digestRuns.id, cursor[1]))));
  const rows = await ctx.db.select().from(digestRuns).where(and(...filters)).orderBy(desc(digestRuns.weekOf), desc(digestRuns.id)).limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.weekOf, r.id]);
  return { items: await toDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

export async function getDigestRun(ctx: TenantCtx, id: string): Promise<DigestRunDto> {
  authorize(ctx, 'digest.read');
  const [run] = await ctx.db.select().from(digestRuns).where(and(eq(digestRuns.coalitionId, ctx.coalition.id), eq(digestRuns.id, id)));
  if (!run) throw new AppError('not_found', 'Digest run not found');
  return (await toDtos(ctx.db, ctx.coalition.id, [run]))[0]!;
}

/** The signed-in person's own digest for a week, exactly as the batch would build it. */
export async function previewOwnDigest(ctx: TenantCtx, query: { weekOf?: string | undefined }): Promise<DigestPreviewDto> {
  authorize(ctx, 'digest.previewOwn');
  const weekOf = mondayOf(query.weekOf ?? todayIn(ctx.coalition.timeZone));
  const personId = ctx.principal.personId;
  const [person] = await loadDigestPeople(ctx.db, ctx.coalition.id, sql`p.id = ${personId}`);
  if (!person) throw new AppError('not_found', 'Person not found');
  const content = (await buildDigests(ctx.db, ctx.coalition.id, weekOf, [person])).get(personId)!;
  const blocked = (await optedOut(ctx.db, ctx.coalition.id, [personId], 'digest')).has(personId);
  return { weekOf, roles: person.roles, ...content, wouldSend: person.email !== null && !blocked && !isEmpty(content) };
}

const runFilter = (coalitionId: string, runId: string) => and(eq(digestRuns.coalitionId, coalitionId), eq(digestRuns.id, runId));

registerRetryingJob(
  DIGEST_BATCH_JOB,
  async ({ services, job }) => {
    const db = services.database.db;
    const coalitionId = job.coalitionId;
    const { runId, batchNo, baseUrl, slug } = job.payload as { runId: string; batchNo: number; baseUrl: string; slug: string };
    const attempt = Number(job.payload.attempt ?? 1);
    const [run] = await db.select().from(digestRuns).where(runFilter(coalitionId, runId));
    if (!run) return { status: 'succeeded', result: { skipped: 'run deleted' } };
    try {
      const [[coalition], sign] = await Promise.all([db.select({ name: coalitions.name }).from(coalitions).where(eq(coalitions.id, coalitionId)), unsubscribeSigner(db, coalitionId)]);
      const label = weekLabel(run.weekOf);
      const outcome = await db.transaction(async (tx) => {
        const [batch] = await tx
          .update(digestBatches)
          .set({ status: 'done', finishedAt: new Date() })
          .where(and(eq(digestBatches.coalitionId, coalitionId), eq(digestBatches.runId, runId), eq(digestBatches.batchNo, batchNo), eq(digestBatches.status, 'queued')))
          .returning();
        if (!batch) return null;
        // Eligibility is checked again now: whoever unsubscribed since the run started gets nothing.
        const range = sql`${batch.afterPersonId ? sql`p.id > ${batch.afterPersonId}` : sql`true`} and p.id <= ${batch.lastPersonId}`;
        const ids = await eligibleIds(tx, coalitionId, range);
        const persons = ids.length ? await loadDigestPeople(tx, coalitionId, sql`p.id = any(${uuidArray(ids)})`) : [];
        const contents = await buildDigests(tx, coalitionId, run.weekOf, persons);
        const planned = persons.filter((p) => !isEmpty(contents.get(p.id)!)).map((person) => ({ person, mailId: newId() }));
        const inserted = planned.length
          ? await tx
              .insert(communicationDeliveries)
              .values(planned.map((p) => ({ coalitionId, kind: 'digest', refId: run.weekOf, personId: p.person.id, channel: 'email', mailId: p.mailId })))
              .onConflictDoNothing()
              .returning({ personId: communicationDeliveries.personId })
          : [];
        const fresh = new Set(inserted.map((r) => r.personId));
        const messages: MailInput[] = planned
          .filter((p) => fresh.has(p.person.id))
          .map(({ person, mailId }) => {
            const parts = unsubscribeParts(baseUrl, slug, sign(person.id));
            const text = digestText({ name: person.name, coalitionName: coalition?.name ?? 'TalentBridge', weekLabel: label, baseUrl, slug, content: contents.get(person.id)! });
            return { id: mailId, coalitionId, to: person.email!, subject: `Your week at ${coalition?.name ?? 'TalentBridge'}: ${label}`, text: `${text}\n\n${parts.footer.join('\n')}`, kind: 'digest', headers: parts.headers };
          });
        const mailIds = await services.mailer.enqueueMany(tx, messages);
        await tx
          .update(digestBatches)
          .set({ emailed: mailIds.length, empty: persons.length - planned.length })
          .where(and(eq(digestBatches.coalitionId, coalitionId), eq(digestBatches.runId, runId), eq(digestBatches.batchNo, batchNo)));
        // The last batch to finish completes the run; the row lock makes batches finishing together take turns.
        await tx.execute(sql`select 1 from digest_runs where coalition_id = ${coalitionId} and id = ${runId} for update`);
        const [left] = await tx.select({ n: count() }).from(digestBatches).where(and(eq(digestBatches.coalitionId, coalitionId), eq(digestBatches.runId, runId), eq(digestBatches.status, 'queued')));
        if ((left?.n ?? 0) === 0) await tx.update(digestRuns).set({ status: 'completed', finishedAt: new Date() }).where(and(runFilter(coalitionId, runId), eq(digestRuns.status, 'running')));
        return { ids: mailIds, people: persons.length };
      });
      if (!outcome) return { status: 'succeeded', result: { skipped: 'batch already done' } };
      if (services.mailer.transport === 'smtp') for (const id of outcome.ids) await services.mailer.deliver(db, id);
      return { status: 'succeeded', processed: outcome.people, result: { people: outcome.people, mailed: outcome.ids.length } };
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) await db.update(digestRuns).set({ status: 'failed', finishedAt: new Date() }).where(runFilter(coalitionId, runId));
      throw error;
    }
  },
  MAX_ATTEMPTS,
);
