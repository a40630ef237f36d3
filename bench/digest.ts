// Benchmark: the weekly digest for 10,000 people (issue 7 target: the run completes within 60 s).
// A fresh database gets the demo coalition plus 10,000 generated people (deterministic: a fixed seed),
// of whom every 10th has unsubscribed with the one-click link and every 20th of the rest has turned
// the digest off; 40 % are students with a student record and skills, the rest staff of the seeded
// employers, schools and partners. 120 opportunities start in the digest's window, 40 were posted in
// the week before (with skills, for students' matches), 3,000 action items come due.
// The timed part is what the Coordinator's POST …/digests starts: the run is created and cut into
// batches, then one process drains the queue (as a server's job runner does) until the run is done.
// Measured: wall time, batches (jobs), digest rows in the outbox, and the digests addressed to
// people who unsubscribed or turned the digest off (must be 0). A second POST for the week must
// return the same run and write no mail.
// Embedded PGlite in its own worker process, as `npm start` runs it; with BENCH_DATABASE_URL (a
// PostgreSQL server the bench may create a database on) also on PostgreSQL.
//   node --import tsx bench/digest.ts
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/digest.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import type { Database } from '../src/server/db/client.js';
import { measureOnBothModes } from './support/databases.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { actionItems, communicationPreferences, meetings, opportunities, opportunitySkills, organizations, people, studentSkills, students } from '../src/server/db/schema.js';
import { loadConfig } from '../src/server/env.js';
import { DIGEST_BATCH_SIZE } from '../src/server/features/communications/index.js';
import { newId } from '../src/server/platform/auth/secrets.js';
import { drainJobs } from '../src/server/platform/jobs/jobs.js';
import { seedDemo } from '../src/server/seed/index.js';
import { DEMO_PASSWORD } from '../src/server/seed/la-tech.data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEOPLE = Number(process.env.BENCH_DIGEST_PEOPLE ?? 10_000);
const TARGET_MS = 60_000;
const WEEK = '2031-03-03'; // a Monday: fixed, so the generated data is the same whatever day the bench runs
const CHUNK = 1000;

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const day = (offset: number) => {
  const d = new Date(`${WEEK}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

async function insertChunks<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let k = 0; k < rows.length; k += CHUNK) await insert(rows.slice(k, k + CHUNK));
}

/** Adds the generated people, students, opportunities and action items; returns the coalition id. */
async function generate(database: Database, coalitionId: string) {
  seed = 7;
  const db = database.db;
  const orgs = await db.select({ id: organizations.id, type: organizations.type }).from(organizations).where(eq(organizations.coalitionId, coalitionId)).orderBy(organizations.id);
  const employers = orgs.filter((o) => o.type === 'employer');
  const schools = orgs.filter((o) => ['k12', 'college', 'university'].includes(o.type));
  const others = orgs.filter((o) => !['employer', 'k12', 'college', 'university'].includes(o.type));
  const skillIds = (await db.execute<{ id: string }>(sql`select id from skills order by id limit 80`)).rows.map((r) => r.id);
  if (!employers.length || !schools.length || skillIds.length < 10) throw new Error('the demo seed lacks employers, schools or skills');

  const personRows: (typeof people.$inferInsert)[] = [];
  const studentRows: (typeof students.$inferInsert)[] = [];
  const skillRows: (typeof studentSkills.$inferInsert)[] = [];
  const preferenceRows: (typeof communicationPreferences.$inferInsert)[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const id = newId();
    const n = String(i).padStart(5, '0');
    const email = `bench-${n}@digest.bench`;
    const roll = random();
    if (roll < 0.4) {
      const school = pick(schools);
      personRows.push({ coalitionId, id, name: `Student ${n}`, email, roles: ['student'], organizationId: school.id });
      const studentId = newId();
      studentRows.push({ coalitionId, id: studentId, personId: id, firstName: 'Student', lastName: n, email, institutionId: school.id });
      const count = 3 + Math.floor(random() * 5);
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(pick(skillIds));
      for (const skillId of chosen) skillRows.push({ coalitionId, studentId, skillId, source: random() < 0.5 ? 'declared' : 'course', ref: random() < 0.5 ? '' : 'Bench course', evidence: null });
    } else if (roll < 0.65) {
      personRows.push({ coalitionId, id, name: `Employer staff ${n}`, email, roles: ['member'], organizationId: pick(employers).id });
    } else if (roll < 0.85) {
      personRows.push({ coalitionId, id, name: `Educator ${n}`, email, roles: ['member'], organizationId: pick(schools).id });
    } else if (roll < 0.95) {
      personRows.push({ coalitionId, id, name: `Point of contact ${n}`, email, roles: ['member', 'point_of_contact'], organizationId: pick(orgs).id });
    } else {
      personRows.push({ coalitionId, id, name: `Partner ${n}`, email, roles: ['member', pick(['champion', 'volunteer', 'facilitator'])], organizationId: (others.length ? pick(others) : pick(orgs)).id });
    }
    if (i % 10 === 0) preferenceRows.push({ coalitionId, personId: id, unsubscribedAt: new Date('2031-02-01T00:00:00Z') });
    else if (i % 20 === 5) preferenceRows.push({ coalitionId, personId: id, digest: false });
  }

  const kinds = ['soft_skill_wbl', 'hard_skill_wbl', 'classroom_engagement', 'faculty_externship', 'internship', 'apprenticeship', 'boot_camp', 'job'] as const;
  const opportunityRows: (typeof opportunities.$inferInsert)[] = [];
  const requirementRows: (typeof opportunitySkills.$inferInsert)[] = [];
  for (let i = 0; i < 160; i++) {
    const id = newId();
    const fresh = i >= 120; // the last 40 were posted in the week before the digest
    const audiences = random() < 0.5 ? [] : [pick(['k12', 'college', 'university', 'faculty'])];
    opportunityRows.push({
      coalitionId,
      id,
      kind: pick(kinds),
      title: `Bench opportunity ${String(i).padStart(3, '0')}`,
      employerId: pick(employers).id,
      audiences,
      startsOn: day(Math.floor(random() * 27)),
      status: 'open',
      ...(fresh ? { createdAt: new Date(`${day(-1 - Math.floor(random() * 6))}T15:00:00Z`) } : { createdAt: new Date('2030-12-01T15:00:00Z') }),
    });
    const chosen = new Set<string>();
    while (chosen.size < 4) chosen.add(pick(skillIds));
    for (const skillId of chosen) requirementRows.push({ coalitionId, opportunityId: id, skillId, importance: 1 + Math.floor(random() * 5) });
  }

  const meetingId = newId();
  const itemRows: (typeof actionItems.$inferInsert)[] = [];
  for (let i = 0; i < 3000; i++) {
    itemRows.push({ coalitionId, id: newId(), meetingId, title: `Bench action item ${i}`, ownerId: pick(personRows).id!, dueOn: day(Math.floor(random() * 20) - 6), status: random() < 0.8 ? 'open' : 'done' });
  }

  await db.transaction(async (tx) => {
    await insertChunks(personRows, (b) => tx.insert(people).values(b));
    await insertChunks(studentRows, (b) => tx.insert(students).values(b));
    await insertChunks(skillRows, (b) => tx.insert(studentSkills).values(b).onConflictDoNothing());
    await insertChunks(preferenceRows, (b) => tx.insert(communicationPreferences).values(b));
    await insertChunks(opportunityRows, (b) => tx.insert(opportunities).values(b));
    await insertChunks(requirementRows, (b) => tx.insert(opportunitySkills).values(b));
    await tx.insert(meetings).values({ coalitionId, id: meetingId, title: 'Bench coalition meeting', kind: 'coalition_meeting', startsAt: new Date(`${day(-14)}T17:00:00Z`), durationMinutes: 90, audience: { roles: [], organizationTypes: [], initiativeIds: [], personIds: [], pointsOfContact: false } });
    await insertChunks(itemRows, (b) => tx.insert(actionItems).values(b));
  });
  return { people: personRows.length, students: studentRows.length, unsubscribed: preferenceRows.filter((p) => p.unsubscribedAt).length, digestOff: preferenceRows.filter((p) => p.digest === false).length, opportunities: opportunityRows.length, actionItems: itemRows.length };
}

async function measureOn(database: Database) {
  const config = loadConfig({ DATA_DIR: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database });
  try {
    await runMigrations(database);
    const coalitionId = (await seedDemo(database, { accounts: true }))!;
    const generatedAt = Date.now();
    const generated = await generate(database, coalitionId);
    console.error(`${database.mode}: generated ${generated.people} people in ${Math.round((Date.now() - generatedAt) / 1000)} s`);
    await app.ready();
    const headers = { origin: 'http://localhost:80', host: 'localhost:80' };
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers, payload: { email: 'coordinator@la-tech.demo', password: DEMO_PASSWORD } });
    const session = signIn.cookies.find((c) => c.name === 'tb_session');
    if (!session) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
    const cookie = `tb_session=${session.value}`;
    const digestRows = async () =>
      Number((await database.db.execute<{ n: number }>(sql`select count(*)::int as n from mail_messages where coalition_id = ${coalitionId} and kind = 'digest'`)).rows[0]!.n);
    const queued = async () => Number((await database.db.execute<{ n: number }>(sql`select count(*)::int as n from jobs where status = 'queued'`)).rows[0]!.n);
    // Jobs the demo seed may have left (none expected) run first, outside the timing.
    await drainJobs(app.services);

    const started = process.hrtime.bigint();
    const res = await app.inject({ method: 'POST', url: '/api/v1/coalitions/la-tech/digests', headers: { ...headers, cookie }, payload: { weekOf: WEEK } });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
    const startMs = Number(process.hrtime.bigint() - started) / 1e6;
    const queuedAfterStart = await queued();
    const jobsRun = await drainJobs(app.services);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const run = (await app.inject({ method: 'GET', url: `/api/v1/coalitions/la-tech/digests/${res.json().id}`, headers: { ...headers, cookie } })).json();
    const outboxRows = await digestRows();

    // Nobody who unsubscribed or turned the digest off: by address in the outbox, and by delivery record.
    const toOptedOut = Number(
      (
        await database.db.execute<{ n: number }>(sql`
          select count(*)::int as n from mail_messages m
          join people p on p.coalition_id = m.coalition_id and p.email = m.to_address
          join communication_preferences cp on cp.coalition_id = p.coalition_id and cp.person_id = p.id
          where m.coalition_id = ${coalitionId} and m.kind = 'digest' and (cp.unsubscribed_at is not null or not cp.digest)`)
      ).rows[0]!.n,
    );
    const deliveriesToOptedOut = Number(
      (
        await database.db.execute<{ n: number }>(sql`
          select count(*)::int as n from communication_deliveries d
          join communication_preferences cp on cp.coalition_id = d.coalition_id and cp.person_id = d.person_id
          where d.coalition_id = ${coalitionId} and d.kind = 'digest' and (cp.unsubscribed_at is not null or not cp.digest)`)
      ).rows[0]!.n,
    );
    const withListUnsubscribe = Number(
      (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from mail_messages where coalition_id = ${coalitionId} and kind = 'digest' and headers->>'List-Unsubscribe-Post' = 'List-Unsubscribe=One-Click'`)).rows[0]!.n,
    );
    const eligible = Number(
      (
        await database.db.execute<{ n: number }>(sql`
          select count(*)::int as n from people p where p.coalition_id = ${coalitionId} and p.email is not null and p.email <> ''
          and not exists (select 1 from communication_preferences cp where cp.coalition_id = p.coalition_id and cp.person_id = p.id and (cp.unsubscribed_at is not null or not cp.digest))`)
      ).rows[0]!.n,
    );

    // The same week again: the same run, no new mail.
    const again = await app.inject({ method: 'POST', url: '/api/v1/coalitions/la-tech/digests', headers: { ...headers, cookie }, payload: { weekOf: WEEK } });
    await drainJobs(app.services);
    const outboxAfterRepeat = await digestRows();
    const [sample] = await database.db.execute<{ text_body: string }>(sql`select text_body from mail_messages where coalition_id = ${coalitionId} and kind = 'digest' and to_address like 'bench-%' order by to_address limit 1`).then((r) => r.rows);

    const figures = {
      generated,
      eligibleComputedIndependently: eligible,
      run: { status: run.status, recipients: run.recipients, batches: run.batches, batchesDone: run.batchesDone, batchSize: run.batchSize, emailed: run.emailed, empty: run.empty },
      startRequestMs: Math.round(startMs),
      wallMs: Math.round(wallMs),
      jobsQueuedByTheRun: queuedAfterStart,
      jobsRun,
      outboxDigestRows: outboxRows,
      outboxRowsWithListUnsubscribePost: withListUnsubscribe,
      digestsToUnsubscribedOrOptedOut: toOptedOut,
      deliveryRecordsToUnsubscribedOrOptedOut: deliveriesToOptedOut,
      repeat: { status: again.statusCode, sameRun: again.json().id === run.id, newOutboxRows: outboxAfterRepeat - outboxRows },
      sampleDigestChars: sample?.text_body.length ?? 0,
    };
    console.error(`${database.mode}: ${run.recipients} recipients in ${run.batches} batches, ${outboxRows} digests in the outbox, ${toOptedOut} to opted-out people; ${Math.round(wallMs)} ms wall`);
    return figures;
  } finally {
    await app.close();
  }
}

console.error(`Migrating, seeding, generating ${PEOPLE} people…`);
const { pglite, postgres } = await measureOnBothModes('digest', measureOn);

const holds = (f: typeof pglite | null) =>
  f === null
    ? null
    : f.wallMs < TARGET_MS &&
      f.run.status === 'completed' &&
      f.digestsToUnsubscribedOrOptedOut === 0 &&
      f.deliveryRecordsToUnsubscribedOrOptedOut === 0 &&
      f.run.recipients === f.eligibleComputedIndependently &&
      f.outboxDigestRows === f.run.emailed &&
      f.repeat.newOutboxRows === 0;
const result = {
  benchmark: 'digest',
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
  people: PEOPLE,
  weekOf: WEEK,
  batchSize: DIGEST_BATCH_SIZE,
  targetMs: TARGET_MS,
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  pglite,
  postgres,
  meetsTarget: { pglite: holds(pglite), postgres: holds(postgres) },
};
const out = path.join(root, 'bench', 'results', `digest-${result.date.slice(0, 10)}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
