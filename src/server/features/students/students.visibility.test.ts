import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/common.contract.js';
import type { Principal } from '../../platform/context.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { StatementTemplates, runTemplate } from '../../db/statement-template.js';
import { listedInDirectory, templateViewer, viewerShape, viewerValues, visibleStudentIds, visibleStudents } from './students.visibility.js';

/**
 * visibleStudents (the predicate every read of a student goes through) and visibleStudentIds (the
 * same rule as a set, where a ranking starts) must admit exactly the same students, for every kind
 * of caller. The demo coalition is bent first so that each ground and each exception occurs.
 */
let t: TestApp;
let coalitionId = '';
const rows = async <T>(text: string, values: unknown[] = []) => (await t.database.pool.query(text, values)).rows as T[];

beforeAll(async () => {
  t = await createTestApp();
  coalitionId = (await rows<{ id: string }>(`select id from coalitions where slug = 'la-tech'`))[0]!.id;
  const c = [coalitionId];
  // Every third application withdrawn; the seed's applicants otherwise all live.
  await rows(`update applications set status = 'withdrawn' where coalition_id = $1 and id in (select id from (select id, row_number() over (order by id) as n from applications where coalition_id = $1) a where n % 3 = 0)`, c);
  // Students by turns: born unknown, a minor (15), a minor (16), an adult (as seeded).
  await rows(`update students s set date_of_birth = case n % 4 when 0 then null when 1 then current_date - interval '15 years' when 2 then current_date - interval '16 years' else s.date_of_birth end
    from (select id, row_number() over (order by id) as n from students where coalition_id = $1) o where s.coalition_id = $1 and s.id = o.id`, c);
  // Consent for every other minor or unknown-born student; then a third of all consents revoked.
  await rows(`insert into guardian_consents (coalition_id, id, student_id, guardian_name, relationship, method, given_on)
    select $1, gen_random_uuid(), id, 'Guardian', 'parent', 'form', current_date from (
      select id, row_number() over (order by id) as n from students s where coalition_id = $1 and (date_of_birth is null or date_of_birth > current_date - interval '18 years')
        and not exists (select 1 from guardian_consents g where g.coalition_id = s.coalition_id and g.student_id = s.id and g.revoked_at is null)) m
    where n % 2 = 0`, c);
  await rows(`update guardian_consents set revoked_at = now() where coalition_id = $1 and id in (select id from (select id, row_number() over (order by id) as n from guardian_consents where coalition_id = $1) g where n % 3 = 0)`, c);
  // Shares: each student with the organization whose place in the list matches theirs.
  await rows(`insert into student_shares (coalition_id, student_id, organization_id)
    select $1, s.id, o.id from (select id, row_number() over (order by id) as n from students where coalition_id = $1) s
    join (select id, row_number() over (order by id) as n, count(*) over () as total from organizations where coalition_id = $1) o on o.n = 1 + (s.n * 7) % o.total
    on conflict do nothing`, c);
}, 120_000);
afterAll(() => t?.close());

const principal = (personId: string, roles: Role[], organizationId: string | null): Principal => ({ personId, roles: new Set(roles), organizationId, organizationType: null });

async function byPredicate(p: Principal): Promise<string[]> {
  const { rows: found } = await t.database.db.execute<{ id: string }>(sql`select id from students where coalition_id = ${coalitionId} and ${visibleStudents(p) ?? sql`true`} order by id`);
  return found.map((r) => r.id);
}

async function bySet(p: Principal): Promise<string[]> {
  const ids = visibleStudentIds(p, coalitionId);
  if (!ids) return (await rows<{ id: string }>(`select id from students where coalition_id = $1 order by id`, [coalitionId])).map((r) => r.id);
  const { rows: found } = await t.database.db.execute<{ id: string }>(sql`select id from (${ids}) v order by id`);
  return found.map((r) => r.id);
}

/** Staff of every organization, students (with and without an organization, and as staff elsewhere), a stranger, the Coordinator with and without an organization. */
async function everyCaller(): Promise<[string, Principal][]> {
  const organizations = await rows<{ id: string }>(`select id from organizations where coalition_id = $1 order by id`, [coalitionId]);
  const accounts = await rows<{ person_id: string; institution_id: string }>(`select person_id, institution_id from students where coalition_id = $1 and person_id is not null`, [coalitionId]);
  return [
    ...organizations.map(({ id }) => [`staff of ${id}`, principal(randomUUID(), ['member'], id)] as [string, Principal]),
    ...accounts.flatMap(({ person_id, institution_id }) => [
      [`student ${person_id}`, principal(person_id, ['student'], institution_id)],
      [`student ${person_id} without an organization`, principal(person_id, ['student'], null)],
      // Someone with a student record who is also staff of another organization.
      [`student ${person_id} as staff`, principal(person_id, ['point_of_contact'], organizations[0]!.id)],
    ] as [string, Principal][]),
    ['a stranger', principal(randomUUID(), ['student'], null)],
    ['the Coordinator', principal(randomUUID(), ['coordinator'], organizations[0]!.id)],
    ['the Coordinator without an organization', principal(randomUUID(), ['coordinator'], null)],
  ];
}

describe('visibleStudentIds is visibleStudents as a set', () => {
  it('the bent demo data has every case the rule distinguishes', async () => {
    const [cases] = await rows<Record<string, number>>(
      `select
        count(*) filter (where exists (select 1 from applications a where a.coalition_id = s.coalition_id and a.student_id = s.id and a.status = 'withdrawn')
          and not exists (select 1 from applications a where a.coalition_id = s.coalition_id and a.student_id = s.id and a.status <> 'withdrawn'))::int as "withdrawnOnly",
        count(*) filter (where s.date_of_birth is null and exists (select 1 from applications a where a.coalition_id = s.coalition_id and a.student_id = s.id))::int as "unknownBirthApplicant",
        count(*) filter (where s.date_of_birth > current_date - interval '18 years' and exists (select 1 from applications a where a.coalition_id = s.coalition_id and a.student_id = s.id)
          and not exists (select 1 from guardian_consents g where g.coalition_id = s.coalition_id and g.student_id = s.id and g.revoked_at is null))::int as "minorApplicantWithoutConsent",
        count(*) filter (where s.date_of_birth > current_date - interval '18 years' and exists (select 1 from guardian_consents g where g.coalition_id = s.coalition_id and g.student_id = s.id and g.revoked_at is null))::int as "minorWithConsent",
        count(*) filter (where exists (select 1 from guardian_consents g where g.coalition_id = s.coalition_id and g.student_id = s.id and g.revoked_at is not null)
          and not exists (select 1 from guardian_consents g where g.coalition_id = s.coalition_id and g.student_id = s.id and g.revoked_at is null))::int as "onlyRevokedConsent",
        count(*) filter (where exists (select 1 from student_shares x where x.coalition_id = s.coalition_id and x.student_id = s.id))::int as "sharer",
        count(*) filter (where s.person_id is not null)::int as "withAccount"
      from students s where s.coalition_id = $1`,
      [coalitionId],
    );
    for (const [name, n] of Object.entries(cases!)) expect(n, name).toBeGreaterThan(0);
  });

  it('admits the same students for staff of every organization, for students, and for the Coordinator', async () => {
    const sizes: number[] = [];
    for (const [who, p] of await everyCaller()) {
      const expected = await byPredicate(p);
      expect(await bySet(p), who).toEqual(expected);
      sizes.push(expected.length);
    }
    // Not only empty sets compared: many callers see someone, and someone sees many.
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(5);
  });
});

describe('the rule kept as a template per viewer shape (decision 035)', () => {
  it('admits, for every caller, what the rule built with that caller\'s values admits: predicate, set and directory listing', async () => {
    // One cache for all callers, as the server keeps one: a shape's text, built for the first
    // caller of that shape, serves every later one.
    const templates = new StatementTemplates();
    const callers = await everyCaller();
    const employerId = (await rows<{ id: string }>(`select id from organizations where coalition_id = $1 and type = 'employer' order by id limit 1`, [coalitionId]))[0]!.id;
    for (const [who, p] of callers) {
      const shape = viewerShape(p);
      const values = { ...viewerValues({ coalition: { id: coalitionId }, actor: { userId: randomUUID() }, principal: p }), employerId };
      const predicate = templates.get(`predicate ${JSON.stringify(shape)}`, () => {
        const v = templateViewer(shape);
        const listed = listedInDirectory(v.principal, sql.placeholder('employerId')) ?? sql`true`;
        return sql`select id from students where coalition_id = ${v.coalitionId} and ${visibleStudents(v.principal, v.adultCutoff) ?? sql`true`} and ${listed} order by id`;
      });
      const listed = listedInDirectory(p, employerId) ?? sql`true`;
      const { rows: expected } = await t.database.db.execute<{ id: string }>(sql`select id from students where coalition_id = ${coalitionId} and ${visibleStudents(p) ?? sql`true`} and ${listed} order by id`);
      expect(await runTemplate(t.database.db, predicate, values), who).toEqual(expected);

      if (shape.coordinator) continue; // every student: no set
      const set = templates.get(`set ${JSON.stringify(shape)}`, () => {
        const v = templateViewer(shape);
        return sql`select id from (${visibleStudentIds(v.principal, v.coalitionId, v.adultCutoff)}) v order by id`;
      });
      expect((await runTemplate<{ id: string }, typeof values>(t.database.db, set, values)).map((r) => r.id), who).toEqual(await bySet(p));
    }
    // Few shapes serve them all: the cache is shared, not one text per caller.
    expect(templates.size).toBeLessThanOrEqual(8);
    expect(callers.length).toBeGreaterThan(templates.size * 3);
  });
});
