// What the LA-scale database lacks for the endpoints beyond matching (bench/la-endpoints.ts), added
// on top of a built generate.ts database without touching its rows, in the same deterministic way
// (bench_u / bench_uuid of a versioned key; the skills' Zipf ranks of bench_skill_rank):
//   - the status history of every generated application (applied → … → its status), which the
//     metrics dashboard counts;
//   - hiring needs (one per four employers, 2–8 skills) and programs with courses and their skills
//     (every school; k12 pathways, certificates, associate and bachelor degrees), which alignment reads;
//   - 200 initiatives × 25 tasks with dependencies (the issue's 5,000-task master plan);
//   - 800 occupations' projections in the coalition's region, and a target for every metric of every
//     year the applications span.
// The table bench_la_extras records the version; a database already extended with it is left alone.
// Status changes are bulk-inserted without row triggers (session_replication_role = replica); the
// rollup's version is bumped once after, as the triggers would have, so nothing reads a stale rollup.
import os from 'node:os';
import pg from 'pg';
import { metricDictionary } from '../../src/shared/metrics.contract.js';

export const EXTRAS_VERSION = 'la-extras-1';
const v = EXTRAS_VERSION;
type Log = (message: string) => void;

async function step(client: pg.Client, log: Log, label: string, sql: string, params: unknown[]): Promise<number> {
  const started = Date.now();
  const result = await client.query(sql, params);
  log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.rowCount ?? 0;
}

export async function ensureLaExtras(url: string, coalitionId: string, log: Log = (m) => console.error(m)): Promise<{ built: boolean; meta: Record<string, unknown> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create table if not exists bench_la_extras (version text primary key, built_at timestamptz not null default now(), meta jsonb not null)');
    const { rows } = await client.query<{ meta: Record<string, unknown> }>('select meta from bench_la_extras where version = $1', [v]);
    if (rows[0]) {
      log(`LA-scale extras ${v} already added, reused`);
      return { built: false, meta: rows[0].meta };
    }
    const started = Date.now();
    log(`Adding the LA-scale extras (${v})…`);
    await client.query(`set work_mem = '64MB'; set maintenance_work_mem = '256MB'; set synchronous_commit = off`);
    const { rows: n } = await client.query<{ skills: number }>('select count(*)::int as skills from bench_skill_rank');
    const nSkills = n[0]!.skills;
    const zipf = (key: string) => `least(${nSkills}, floor(exp(bench_u(${key}) * ln(${nSkills} + 1)))::int)`;

    // Status history: each status's path from 'applied'; the steps spread evenly from the
    // application's creation to 2026-11-20 (deterministic, and in the past when this was written).
    await client.query('set session_replication_role = replica');
    await step(
      client,
      log,
      'application status changes',
      `insert into application_status_changes (coalition_id, id, application_id, from_status, to_status, at)
       select $1, bench_uuid('${v}:asc:' || a.id || ':' || p.k), a.id, case when p.k = 1 then null else path[p.k - 1] end, path[p.k],
              a.created_at + (timestamptz '2026-11-20 00:00:00+00' - a.created_at) * ((p.k - 1)::float8 / greatest(cardinality(path), 2))
       from applications a
       cross join lateral (select case a.status
           when 'applied' then array['applied'] when 'interviewing' then array['applied', 'interviewing']
           when 'offered' then array['applied', 'interviewing', 'offered'] when 'placed' then array['applied', 'offered', 'placed']
           when 'completed' then array['applied', 'offered', 'placed', 'completed'] when 'hired' then array['applied', 'offered', 'placed', 'completed', 'hired']
           when 'declined' then array['applied', 'offered', 'declined'] when 'withdrawn' then array['applied', 'withdrawn'] else array[a.status] end as path) s
       cross join lateral generate_series(1, cardinality(s.path)) p(k)
       where a.coalition_id = $1 and a.created_at >= '2026-01-01' and a.created_at < '2026-11-20'
         and not exists (select 1 from application_status_changes c where c.coalition_id = $1 and c.application_id = a.id)
       on conflict do nothing`,
      [coalitionId],
    );
    await client.query('set session_replication_role = origin');
    await client.query('update metric_rollup_state set version = version + 1 where coalition_id = $1', [coalitionId]);

    const { rows: socs } = await client.query<{ soc: string }>(`select soc from lm_projections where coalition_id = $1 order by soc`, [coalitionId]);
    await step(
      client,
      log,
      'hiring needs',
      `insert into hiring_needs (coalition_id, id, employer_id, soc, title, level, positions, workplace, degree_required, external_id)
       select $1, bench_uuid('${v}:need:' || e.n), e.id, s.soc, 'Need ' || lpad(e.n::text, 6, '0'),
              (array['entry', 'entry', 'middle', 'management'])[1 + floor(bench_u('${v}:need-level:' || e.n) * 4)::int],
              1 + floor(bench_u('${v}:need-pos:' || e.n) * 20)::int,
              (array['onsite', 'hybrid', 'remote'])[1 + floor(bench_u('${v}:need-wp:' || e.n) * 3)::int],
              bench_u('${v}:need-deg:' || e.n) < 0.4, 'BENCH-N' || e.n
       from bench_employers e
       cross join lateral (select ($2::text[])[1 + floor(bench_u('${v}:need-soc:' || e.n) * cardinality($2::text[]))::int] as soc) s
       where e.n % 4 = 0
       on conflict do nothing`,
      [coalitionId, socs.map((s) => s.soc)],
    );
    await step(
      client,
      log,
      'hiring need skills',
      `insert into hiring_need_skills (coalition_id, need_id, skill_id, level, importance, position)
       select distinct on (e.n, r.skill_id) $1::uuid, bench_uuid('${v}:need:' || e.n), r.skill_id,
              (array[null, 'beginner', 'intermediate', 'advanced'])[1 + floor(bench_u('${v}:hns-level:' || e.n || ':' || g) * 4)::int],
              case when bench_u('${v}:hns-imp:' || e.n || ':' || g) < 0.7 then 'required' else 'preferred' end, g
       from bench_employers e
       cross join generate_series(1, 8) g
       join bench_skill_rank r on r.rank = ${zipf(`'${v}:hns:' || e.n || ':' || g`)}
       where e.n % 4 = 0 and g <= 2 + floor(bench_u('${v}:hns-k:' || e.n) * 7)::int
       order by e.n, r.skill_id, g
       on conflict do nothing`,
      [coalitionId],
    );

    // Programs: a k12 school one pathway (3 courses); a college 4 programs, a university 5 (5 courses each).
    await step(
      client,
      log,
      'programs',
      `insert into programs (coalition_id, id, institution_id, title, cip, award_level, pathway, tech_focused, specialty_skill_class, external_id)
       select $1, bench_uuid('${v}:program:' || s.n || ':' || k), s.id, 'Program ' || s.n || '-' || k,
              (array['11.0101', '11.0201', '11.0701', '11.0801', '11.0901', '11.1003', '30.7001', '52.1201'])[1 + floor(bench_u('${v}:p-cip:' || s.n || ':' || k) * 8)::int],
              case when s.type = 'k12' then 'k12_pathway' when k = 1 then 'certificate' when s.type = 'university' then 'bachelor' when k = 4 then 'non_credit' else 'associate' end,
              ($2::text[])[1 + floor(bench_u('${v}:p-path:' || s.n || ':' || k) * cardinality($2::text[]))::int],
              bench_u('${v}:p-tech:' || s.n || ':' || k) < 0.6, bench_u('${v}:p-spec:' || s.n || ':' || k) < 0.2, 'BENCH-P' || s.n || '-' || k
       from bench_schools s
       cross join generate_series(1, 5) k
       where k <= case s.type when 'k12' then 1 when 'college' then 4 else 5 end
       on conflict do nothing`,
      [coalitionId, ['Software & Systems Development', 'Cloud Computing', 'Data Science', 'Cybersecurity', 'Networking', 'Design, Visual & Media Arts']],
    );
    await step(
      client,
      log,
      'courses',
      `insert into courses (coalition_id, id, program_id, code, title, annual_enrollment)
       select $1, bench_uuid('${v}:course:' || s.n || ':' || k || ':' || j), bench_uuid('${v}:program:' || s.n || ':' || k), 'C' || s.n || '-' || k || '-' || j,
              'Course ' || s.n || '-' || k || '-' || j, case when bench_u('${v}:c-enr:' || s.n || ':' || k || ':' || j) < 0.1 then null else 20 + floor(bench_u('${v}:c-enr2:' || s.n || ':' || k || ':' || j) * 380)::int end
       from bench_schools s
       cross join generate_series(1, 5) k
       cross join generate_series(1, 5) j
       where k <= case s.type when 'k12' then 1 when 'college' then 4 else 5 end and j <= case s.type when 'k12' then 3 else 5 end
       on conflict do nothing`,
      [coalitionId],
    );
    await step(
      client,
      log,
      'course skills',
      `insert into course_skills (coalition_id, course_id, skill_id)
       select distinct $1::uuid, c.id, r.skill_id
       from courses c
       cross join generate_series(1, 6) g
       join bench_skill_rank r on r.rank = ${zipf(`'${v}:cs:' || c.id || ':' || g`)}
       where c.coalition_id = $1 and c.code like 'C%-%-%' and g <= 2 + floor(bench_u('${v}:cs-k:' || c.id) * 5)::int
       on conflict do nothing`,
      [coalitionId],
    );

    // 200 initiatives × 25 tasks: a task waits for an earlier task of its initiative (and half the
    // time the one before it); an initiative's first task waits for a task of an earlier initiative.
    await step(
      client,
      log,
      'initiatives',
      `insert into initiatives (coalition_id, id, title, category, status, starts_on, target_finish_on)
       select $1, bench_uuid('${v}:initiative:' || i), 'Initiative ' || lpad(i::text, 3, '0'),
              (array['curriculum_updates', 'soft_skill_development', 'internships', 'hard_skill_development', 'supplemental_learning', 'faculty_education', 'work_based_learning'])[1 + i % 7],
              'in_progress', date '2027-01-04', date '2027-12-31'
       from generate_series(1, 200) i
       on conflict do nothing`,
      [coalitionId],
    );
    await step(
      client,
      log,
      'initiative tasks',
      `insert into initiative_tasks (coalition_id, id, initiative_id, name, starts_on, duration_days, milestone, progress)
       select $1, bench_uuid('${v}:task:' || i || ':' || k), bench_uuid('${v}:initiative:' || i), 'Task ' || i || '.' || k,
              date '2027-01-04' + floor(bench_u('${v}:t-start:' || i || ':' || k) * 60)::int,
              case when bench_u('${v}:t-ms:' || i || ':' || k) < 0.1 then 0 else 1 + floor(bench_u('${v}:t-dur:' || i || ':' || k) * 20)::int end,
              bench_u('${v}:t-ms:' || i || ':' || k) < 0.1, 0
       from generate_series(1, 200) i cross join generate_series(0, 24) k
       on conflict do nothing`,
      [coalitionId],
    );
    await step(
      client,
      log,
      'task dependencies',
      `insert into task_dependencies (coalition_id, task_id, depends_on_id)
       select distinct $1::uuid, bench_uuid('${v}:task:' || d.i || ':' || d.k), d.dep
       from (
         select i, k, bench_uuid('${v}:task:' || i || ':' || floor(bench_u('${v}:t-dep:' || i || ':' || k) * k)::int) as dep from generate_series(1, 200) i cross join generate_series(1, 24) k
         union all
         select i, k, bench_uuid('${v}:task:' || i || ':' || (k - 1)) from generate_series(1, 200) i cross join generate_series(2, 24) k where bench_u('${v}:t-dep2:' || i || ':' || k) < 0.5
         union all
         select i, 0, bench_uuid('${v}:task:' || (1 + floor(bench_u('${v}:t-dep3:' || i) * (i - 1)))::int || ':' || floor(bench_u('${v}:t-dep4:' || i) * 25)::int) from generate_series(2, 200) i
       ) d
       on conflict do nothing`,
      [coalitionId],
    );

    // 800 occupations in the region of the seeded projections, from the same dataset.
    await step(
      client,
      log,
      'projections',
      `insert into lm_projections (coalition_id, id, dataset_id, region_id, soc, soc_version, title, category, base_year, base_employment, projected_year, projected_employment, annual_new_jobs, annual_replacement_needs, work_experience)
       select $1, bench_uuid('${v}:projection:' || i), p.dataset_id, p.region_id,
              (array['11', '13', '15', '17', '19', '21', '23', '25', '27', '29', '31', '33', '35', '37', '39', '41', '43', '45', '47', '49', '51', '53'])[1 + i % 22] || '-' || lpad((9000 + i)::text, 4, '0'),
              '2018', 'Occupation ' || lpad(i::text, 3, '0'), (array['IT', 'Engineering', 'Design', 'Business', 'Other'])[1 + i % 5], 2024,
              b.base, 2034, round(b.base * (0.9 + bench_u('${v}:pr-growth:' || i) * 0.4))::int,
              round(b.base * bench_u('${v}:pr-new:' || i) * 0.03)::int, round(b.base * (0.02 + bench_u('${v}:pr-rep:' || i) * 0.08))::int,
              (array['None', 'Less than 5 years', '5 years or more'])[1 + floor(bench_u('${v}:pr-exp:' || i) * 3)::int]
       from generate_series(1, 800) i
       cross join (select dataset_id, region_id from lm_projections where coalition_id = $1 order by soc limit 1) p
       cross join lateral (select 100 + floor(bench_u('${v}:pr-base:' || i) * 30000)::int as base) b
       on conflict do nothing`,
      [coalitionId],
    );
    const keys = metricDictionary.map((d) => d.key);
    await step(
      client,
      log,
      'metric targets',
      `insert into metric_targets (coalition_id, year, key, target)
       select $1, y, k, 100 + floor(bench_u('${v}:target:' || y || ':' || k) * 10000)::int from generate_series(2022, 2027) y cross join unnest($2::text[]) k
       on conflict do nothing`,
      [coalitionId, keys],
    );
    const vacuumStarted = Date.now();
    await client.query('vacuum (analyze) application_status_changes, hiring_needs, hiring_need_skills, programs, courses, course_skills, initiatives, initiative_tasks, task_dependencies, lm_projections, metric_targets');
    log(`  vacuum analyze: ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    const { rows: totals } = await client.query<Record<string, number>>(
      `select (select count(*) from application_status_changes where coalition_id = $1)::int as "statusChanges", (select count(*) from hiring_needs where coalition_id = $1)::int as "hiringNeeds",
              (select count(*) from hiring_need_skills where coalition_id = $1)::int as "hiringNeedSkills", (select count(*) from programs where coalition_id = $1)::int as programs,
              (select count(*) from courses where coalition_id = $1)::int as courses, (select count(*) from course_skills where coalition_id = $1)::int as "courseSkills",
              (select count(*) from initiative_tasks where coalition_id = $1)::int as tasks, (select count(*) from task_dependencies where coalition_id = $1)::int as "taskDependencies",
              (select count(*) from lm_projections where coalition_id = $1)::int as projections`,
      [coalitionId],
    );
    const meta = { ...totals[0], buildSeconds: Math.round((Date.now() - started) / 100) / 10, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) };
    await client.query('insert into bench_la_extras (version, meta) values ($1, $2)', [v, meta]);
    log(`Extras added in ${meta.buildSeconds} s: ${JSON.stringify(totals[0])}`);
    return { built: true, meta };
  } finally {
    await client.end();
  }
}
