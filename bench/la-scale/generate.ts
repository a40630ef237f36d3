// The LA-scale benchmark database (issue 5): 40,000 organizations, 500,000 students, 100,000
// opportunities, 2,000,000 applications in one coalition (the demo's la-tech, so its demo accounts
// sign in), generated deterministically by server-side SQL in the app's own schema.
//
// - The schema is the app's: its migrations run on the database (every time, so new ones apply).
// - Reference data is seeded the way the app does: the demo seed (curated skills, labor market),
//   plus O*NET Technology Skills through the app's own import job when ../shared/datasets has it
//   (the long tail of real skill names). Without the file the Zipf draw is over the curated skills.
// - Every generated value is a function of (generator version, row number): md5 of a key, read as a
//   number in [0, 1). Ids are md5 digests shaped as version-4 uuids. The same version builds the same rows.
// - Skills follow a Zipf-like law (density ∝ 1/rank, rank = ⌊(N+1)^u⌋) over the skills table in a
//   fixed order: curated skills first, then technologies (O*NET "hot" first), then the rest.
//
// Building takes minutes on a shared 2-core machine, so the database is kept and reused: the
// table bench_la_meta records the generator version; a different version rebuilds from scratch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connectPostgres } from '../../src/server/db/client.js';
import { runMigrations } from '../../src/server/db/migrate.js';
import { loadConfig } from '../../src/server/env.js';
import { seedDemo } from '../../src/server/seed/index.js';

export const GENERATOR_VERSION = 'la-scale-1';
/** BENCH_LA_SCALE (default 1) shrinks everything for a quick try of the generator; results name it. */
export const SCALE = Number(process.env.BENCH_LA_SCALE ?? 1);
export const TARGETS = { organizations: Math.round(40_000 * SCALE), students: Math.round(500_000 * SCALE), opportunities: Math.round(100_000 * SCALE), applications: Math.round(2_000_000 * SCALE) };
const BUILD_KEY = `${GENERATOR_VERSION} scale ${SCALE}`;
export const PATHWAYS = ['Software & Systems Development', 'Cloud Computing', 'Data Science', 'Cybersecurity', 'Networking', 'Design, Visual & Media Arts'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const technologySkillsFile = path.join(root, '..', 'shared', 'datasets', 'onet', 'Technology Skills.txt');

export function databaseUrlFor(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the database when missing; returns true when it was created. */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected database name ${name}`);
  const admin = new pg.Client({ connectionString: databaseUrlFor(url, 'postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rows.length > 0) return false;
    await admin.query(`create database ${name}`);
    return true;
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^tb_bench_[a-z0-9_]*$/.test(name)) throw new Error(`Refusing to drop ${name}: only tb_bench_* databases`);
  const admin = new pg.Client({ connectionString: databaseUrlFor(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** The deterministic helpers, in the bench database only. */
const HELPERS = `
create or replace function bench_u(key text) returns float8 language sql immutable parallel safe as
  $$ select ('x' || substr(md5(key), 1, 13))::bit(52)::bigint::float8 / 4503599627370496.0 $$;
create or replace function bench_uuid(key text) returns uuid language sql immutable parallel safe as
  $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', (get_byte(decode(substr(h, 17, 2), 'hex'), 0) % 4) + 1, 1) || substr(h, 18, 15))::uuid from md5(key) h $$;
`;

type Log = (message: string) => void;

async function step(client: pg.Client, log: Log, label: string, sql: string, params: unknown[] = []): Promise<number> {
  const started = Date.now();
  const result = await client.query(sql, params);
  log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.rowCount ?? 0;
}

/**
 * Organizations up to `target` in the coalition: schools (k12, college, university), employers and
 * the other partner types, with unique names ("LA Employer 00017"). Used by the import benchmark too.
 */
export async function generateOrganizations(client: pg.Client, coalitionId: string, target: number, log: Log): Promise<void> {
  await client.query(HELPERS);
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from organizations where coalition_id = $1', [coalitionId]);
  const extra = target - rows[0]!.n;
  if (extra <= 0) return;
  await step(
    client,
    log,
    'organizations',
    `insert into organizations (coalition_id, id, name, type, subtype, website)
     select $1, bench_uuid('${GENERATOR_VERSION}:org:' || i), 'LA ' || initcap(t.type) || ' ' || lpad(i::text, 5, '0'), t.type,
       case t.type when 'k12' then 'high_school' else null end, 'https://org' || i || '.example.org'
     from generate_series(1, $2::int) i
     cross join lateral (select bench_u('${GENERATOR_VERSION}:org-type:' || i) as u) r
     cross join lateral (select case when r.u < 0.10 then 'k12' when r.u < 0.13 then 'college' when r.u < 0.14 then 'university'
       when r.u < 0.84 then 'employer' when r.u < 0.94 then 'nonprofit' when r.u < 0.97 then 'government'
       when r.u < 0.985 then 'intermediary' else 'funder' end as type) t`,
    [coalitionId, extra],
  );
}

/** Builds (or finds built) the LA-scale database at `url`. Returns the la-tech coalition id. */
export async function ensureLaDatabase(url: string, log: Log = (m) => console.error(m)): Promise<{ coalitionId: string; built: boolean; buildSeconds: number | null; meta: Record<string, unknown> }> {
  await createDatabaseIfMissing(url);
  {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; coalition_id: string; meta: Record<string, unknown> }>(
        `select version, coalition_id, meta from bench_la_meta where exists (select 1 from pg_tables where tablename = 'bench_la_meta') limit 1`,
      ).catch(() => ({ rows: [] as { version: string; coalition_id: string; meta: Record<string, unknown> }[] }));
      if (rows[0]?.version === BUILD_KEY) {
        // New migrations since the build apply here; the generated rows stay.
        const database = connectPostgres(url, 2);
        try {
          await runMigrations(database);
        } finally {
          await database.close();
        }
        log(`LA-scale database ${new URL(url).pathname.slice(1)}: ${BUILD_KEY} already built, reused`);
        return { coalitionId: rows[0].coalition_id, built: false, buildSeconds: null, meta: rows[0].meta };
      }
    } finally {
      await client.end();
    }
  }
  // Anything else (a half-built or older database) is rebuilt from nothing.
  await dropDatabase(url);
  await createDatabaseIfMissing(url);
  const started = Date.now();
  log(`Building the LA-scale database ${new URL(url).pathname.slice(1)} (${BUILD_KEY}); this takes several minutes…`);
  const database = connectPostgres(url, 3);
  let coalitionId: string;
  let technologySkills = false;
  try {
    await runMigrations(database);
    coalitionId = (await seedDemo(database, { accounts: true }))!;
    if (fs.existsSync(technologySkillsFile)) {
      const { importFile } = await import('../../scripts/import.js');
      const config = loadConfig({ DATABASE_URL: url, DATA_DIR: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'silent' });
      const status = await importFile({ database, config, kind: 'onet-technology-skills', file: technologySkillsFile, coalition: 'la-tech' });
      if (status.status !== 'succeeded') throw new Error(`O*NET Technology Skills import failed: ${JSON.stringify(status.errors.slice(0, 5))}`);
      technologySkills = true;
      log('  reference data: O*NET Technology Skills imported through the import job');
    }
  } finally {
    await database.close();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(HELPERS);
    await client.query(`set work_mem = '64MB'; set maintenance_work_mem = '256MB'; set synchronous_commit = off`);
    const v = GENERATOR_VERSION;
    await generateOrganizations(client, coalitionId, TARGETS.organizations, log);

    // Fixed orders to draw from: skills by popularity rank, schools, employers.
    // Popularity: curated skills, then technologies hot in the most occupations, then in the most occupations.
    await client.query(
      `create table bench_skill_rank as
         select row_number() over (order by (s.dataset_key = 'talentbridge-curated-skills') desc, coalesce(occ.hot, 0) desc, coalesce(occ.n, 0) desc, md5(s.id)) as rank, s.id as skill_id
         from skills s left join (select skill_id, count(*) filter (where hot_technology) as hot, count(*) as n from occupation_skills group by skill_id) occ on occ.skill_id = s.id;
       create unique index on bench_skill_rank (rank);
       create table bench_schools as select row_number() over (order by id) as n, id, type from organizations where coalition_id = '${coalitionId}' and type in ('k12', 'college', 'university');
       create unique index on bench_schools (n);
       create table bench_employers as select row_number() over (order by id) as n, id from organizations where coalition_id = '${coalitionId}' and type = 'employer';
       create unique index on bench_employers (n);`,
    );
    const { rows: counts } = await client.query<{ skills: number; schools: number; employers: number }>(
      'select (select count(*) from bench_skill_rank)::int as skills, (select count(*) from bench_schools)::int as schools, (select count(*) from bench_employers)::int as employers',
    );
    const { skills: nSkills, schools: nSchools, employers: nEmployers } = counts[0]!;
    const zipf = (key: string) => `least(${nSkills}, floor(exp(bench_u(${key}) * ln(${nSkills} + 1)))::int)`;

    const existing = async (table: string) => (await client.query<{ n: number }>(`select count(*)::int as n from ${table} where coalition_id = $1`, [coalitionId])).rows[0]!.n;

    const extraStudents = TARGETS.students - (await existing('students'));
    await step(
      client,
      log,
      'students',
      `insert into students (coalition_id, id, first_name, last_name, email, institution_id, pathway, graduation_year, date_of_birth, hours_per_week, available_from, external_id)
       select $1, bench_uuid('${v}:student:' || i), 'Student', 'Number ' || lpad(i::text, 6, '0'), 'student' || i || '@students.example.org', s.id,
         case when bench_u('${v}:s-path:' || i) < 0.1 then null else ($3::text[])[1 + floor(bench_u('${v}:s-path2:' || i) * 6)::int] end,
         2024 + floor(bench_u('${v}:s-grad:' || i) * 8)::int,
         date '2000-01-01' + floor(bench_u('${v}:s-dob:' || i) * 4383)::int,
         case when bench_u('${v}:s-hours:' || i) < 0.3 then null else 5 + floor(bench_u('${v}:s-hours2:' || i) * 36)::int end,
         case when bench_u('${v}:s-from:' || i) < 0.4 then null else date '2026-09-01' + floor(bench_u('${v}:s-from2:' || i) * 365)::int end,
         'BENCH-S' || i
       from generate_series(1, $2::int) i
       join bench_schools s on s.n = 1 + floor(bench_u('${v}:s-school:' || i) * ${nSchools})::int`,
      [coalitionId, extraStudents, PATHWAYS],
    );
    await client.query(`create table bench_students as select row_number() over (order by id) as n, id from students where coalition_id = '${coalitionId}'; create unique index on bench_students (n);`);

    // 2–10 draws a student (mean 6), the same skill drawn twice counted once; 30% shown by a course.
    await step(
      client,
      log,
      'student skills',
      `insert into student_skills (coalition_id, student_id, skill_id, source, ref)
       select distinct on (st.id, r.skill_id) $1::uuid, st.id, r.skill_id,
         case when bench_u('${v}:ss-src:' || st.n || ':' || g) < 0.3 then 'course' else 'declared' end,
         case when bench_u('${v}:ss-src:' || st.n || ':' || g) < 0.3 then 'Course ' || (1 + floor(bench_u('${v}:ss-course:' || st.n) * 500)::int) else '' end
       from bench_students st
       cross join generate_series(1, 10) g
       join bench_skill_rank r on r.rank = ${zipf(`'${v}:ss:' || st.n || ':' || g`)}
       where st.id not in (select student_id from student_skills where coalition_id = $1)
         and g <= 2 + floor(bench_u('${v}:ss-k:' || st.n) * 9)::int
       order by st.id, r.skill_id, g`,
      [coalitionId],
    );

    const extraOpportunities = TARGETS.opportunities - (await existing('opportunities'));
    await step(
      client,
      log,
      'opportunities',
      `insert into opportunities (coalition_id, id, kind, title, employer_id, pathway, audiences, compensation, seats, starts_on, ends_on, application_deadline, hours_per_week, minimum_age, modality, status, external_id)
       select $1, bench_uuid('${v}:opp:' || i), k.kind, initcap(replace(k.kind, '_', ' ')) || ' ' || lpad(i::text, 6, '0'), e.id,
         case when bench_u('${v}:o-path:' || i) < 0.15 then null else ($3::text[])[1 + floor(bench_u('${v}:o-path2:' || i) * 6)::int] end,
         (case floor(bench_u('${v}:o-aud:' || i) * 6)::int when 0 then '{}' when 1 then '{college,university}' when 2 then '{college}' when 3 then '{k12}' when 4 then '{university}' else '{faculty}' end)::text[],
         case when bench_u('${v}:o-pay:' || i) < 0.5 then 'paid' when bench_u('${v}:o-pay:' || i) < 0.7 then 'stipend' else 'unpaid' end,
         1 + floor(bench_u('${v}:o-seats:' || i) * 20)::int,
         d.starts_on, d.starts_on + 30 + floor(bench_u('${v}:o-len:' || i) * 300)::int,
         case when bench_u('${v}:o-dl:' || i) < 0.3 then null else d.starts_on - 30 end,
         case when bench_u('${v}:o-hours:' || i) < 0.3 then null else 5 + floor(bench_u('${v}:o-hours2:' || i) * 36)::int end,
         case when bench_u('${v}:o-age:' || i) < 0.6 then null when bench_u('${v}:o-age:' || i) < 0.8 then 16 else 18 end,
         (array['in_person', 'online', 'hybrid'])[1 + floor(bench_u('${v}:o-mod:' || i) * 3)::int],
         case when bench_u('${v}:o-status:' || i) < 0.05 then 'draft' when bench_u('${v}:o-status:' || i) < 0.65 then 'open' when bench_u('${v}:o-status:' || i) < 0.85 then 'closed' else 'completed' end,
         'BENCH-O' || i
       from generate_series(1, $2::int) i
       cross join lateral (select (array['soft_skill_wbl', 'hard_skill_wbl', 'classroom_engagement', 'faculty_externship', 'internship', 'apprenticeship', 'boot_camp', 'job'])[1 + floor(bench_u('${v}:o-kind:' || i) * 8)::int] as kind) k
       cross join lateral (select date '2026-01-01' + floor(bench_u('${v}:o-start:' || i) * 900)::int as starts_on) d
       join bench_employers e on e.n = 1 + floor(bench_u('${v}:o-emp:' || i) * ${nEmployers})::int`,
      [coalitionId, extraOpportunities, PATHWAYS],
    );
    await client.query(`create table bench_opportunities as select row_number() over (order by id) as n, id from opportunities where coalition_id = '${coalitionId}' and status <> 'draft'; create unique index on bench_opportunities (n);`);
    // 2–6 skills an opportunity, importance 1–5.
    await step(
      client,
      log,
      'opportunity skills',
      `insert into opportunity_skills (coalition_id, opportunity_id, skill_id, importance)
       select distinct on (o.id, r.skill_id) $1::uuid, o.id, r.skill_id, 1 + floor(bench_u('${v}:os-imp:' || o.id || ':' || g) * 5)::int
       from opportunities o
       cross join generate_series(1, 6) g
       join bench_skill_rank r on r.rank = ${zipf(`'${v}:os:' || o.id || ':' || g`)}
       where o.coalition_id = $1 and o.external_id like 'BENCH-O%'
         and g <= 2 + floor(bench_u('${v}:os-k:' || o.id) * 5)::int
       order by o.id, r.skill_id, g`,
      [coalitionId],
    );

    const { rows: o } = await client.query<{ n: number }>('select count(*)::int as n from bench_opportunities');
    const nOpportunities = o[0]!.n;
    const extraApplications = TARGETS.applications - (await existing('applications'));
    // A few more draws than needed: a student applies once to an opportunity (pairs drawn twice are dropped).
    await step(
      client,
      log,
      'applications',
      `insert into applications (coalition_id, id, student_id, opportunity_id, status, created_at, updated_at)
       select $1, bench_uuid('${v}:app:' || i), student_id, opportunity_id, status, created_at, created_at
       from (
         select distinct on (st.id, op.id) i, st.id as student_id, op.id as opportunity_id,
           (array['applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied',
                  'interviewing', 'interviewing', 'interviewing', 'offered', 'placed', 'completed', 'completed', 'hired', 'declined', 'withdrawn'])[1 + floor(bench_u('${v}:a-status:' || i) * 20)::int] as status,
           timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => floor(bench_u('${v}:a-at:' || i) * 27000000)::int) as created_at
         from generate_series(1, $2::int + 1000) i
         join bench_students st on st.n = 1 + floor(bench_u('${v}:a-student:' || i) * ${TARGETS.students})::int
         join bench_opportunities op on op.n = 1 + floor(bench_u('${v}:a-opp:' || i) * ${nOpportunities})::int
         where not exists (select 1 from applications a where a.coalition_id = $1 and a.student_id = st.id and a.opportunity_id = op.id)
         order by st.id, op.id, i
       ) pairs
       order by i
       limit $2`,
      [coalitionId, extraApplications],
    );
    const analyzeStarted = Date.now();
    await client.query('vacuum (analyze) organizations, students, student_skills, opportunities, opportunity_skills, applications');
    log(`  vacuum analyze: ${((Date.now() - analyzeStarted) / 1000).toFixed(1)} s`);

    const totals = (await client.query<Record<string, number>>(
      `select (select count(*) from organizations where coalition_id = $1)::int as organizations, (select count(*) from students where coalition_id = $1)::int as students,
         (select count(*) from student_skills where coalition_id = $1)::int as "studentSkills", (select count(*) from opportunities where coalition_id = $1)::int as opportunities,
         (select count(*) from opportunity_skills where coalition_id = $1)::int as "opportunitySkills", (select count(*) from applications where coalition_id = $1)::int as applications,
         (select count(*) from skills)::int as skills`,
      [coalitionId],
    )).rows[0]!;
    const buildSeconds = Math.round((Date.now() - started) / 100) / 10;
    const meta = { ...totals, technologySkills, buildSeconds, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) };
    await client.query('create table bench_la_meta (version text not null, coalition_id uuid not null, built_at timestamptz not null default now(), meta jsonb not null)');
    await client.query('insert into bench_la_meta (version, coalition_id, meta) values ($1, $2, $3)', [BUILD_KEY, coalitionId, meta]);
    log(`Built in ${buildSeconds} s: ${JSON.stringify(totals)}`);
    return { coalitionId, built: true, buildSeconds, meta };
  } finally {
    await client.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tb_bench_la';
  const result = await ensureLaDatabase(url);
  console.log(JSON.stringify(result, null, 2));
}
