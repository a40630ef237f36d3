import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { masterPlanDto } from '../../../shared/initiatives.contract.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { cachedPlan, clearPlanCache, planVersion } from './plan-cache.js';

let t: TestApp;
let coordinator: Session;
const LA = '/api/v1/coalitions/la-tech';

async function post(url: string, payload: object) {
  const res = await t.request({ method: 'POST', url: `${LA}${url}`, as: coordinator, payload });
  if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
async function plan(query = '') {
  const res = await t.request({ method: 'GET', url: `${LA}/master-plan?asOf=2031-01-10${query}`, as: coordinator });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  // Serialized without Zod on the way out: the body must still be exactly the CONTRACT shape.
  return masterPlanDto.strict().parse(res.json());
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
});
afterAll(() => t?.close());

describe('the kept master plan', () => {
  it('is replaced as soon as anything it shows changes, even by a write that bypasses the service (another process)', async () => {
    const initiative = (await post('/initiatives', { title: 'Cache check', category: 'custom', customCategory: 'Planning test' })).id as string;
    const first = await post(`/initiatives/${initiative}/tasks`, { name: 'Plan the boot camp', startsOn: '2031-01-06', durationDays: 3 });
    const before = await plan(`&initiativeId=${initiative}`);
    expect(before.items.map((i) => [i.name, i.earlyFinish])).toEqual([['Plan the boot camp', '2031-01-08']]);
    expect((await plan(`&initiativeId=${initiative}`)).items).toEqual(before.items);

    // A write through the API (dependency and new task).
    const second = await post(`/initiatives/${initiative}/tasks`, { name: 'Run the boot camp', startsOn: '2031-01-06', durationDays: 2, dependsOn: [first.id] });
    const after = await plan(`&initiativeId=${initiative}`);
    expect(after.items.find((i) => i.id === second.id)?.earlyStart).toBe('2031-01-09');

    // Writes straight to the database, as another server process on the same PostgreSQL would commit them.
    const v = await planVersion(t.database.db, (await coalitionId()));
    await t.database.db.execute(sql`update initiative_tasks set duration_days = 5 where id = ${first.id}`);
    expect(await planVersion(t.database.db, await coalitionId())).not.toBe(v);
    expect((await plan(`&initiativeId=${initiative}`)).items.find((i) => i.id === second.id)?.earlyStart).toBe('2031-01-11');

    await t.database.db.execute(sql`delete from task_dependencies where task_id = ${second.id}`);
    expect((await plan(`&initiativeId=${initiative}`)).items.find((i) => i.id === second.id)?.earlyStart).toBe('2031-01-06');

    await t.database.db.execute(sql`update initiatives set title = 'Cache check, renamed' where id = ${initiative}`);
    expect((await plan(`&initiativeId=${initiative}`)).items.every((i) => i.initiativeTitle === 'Cache check, renamed')).toBe(true);
  });

  it('shows a renamed assignee and a new high risk without any call to the initiatives room', async () => {
    const initiative = (await post('/initiatives', { title: 'Cache people', category: 'custom', customCategory: 'Planning test' })).id as string;
    const [person] = (await t.database.db.execute<{ id: string; name: string }>(sql`select p.id, p.name from people p join coalitions c on c.id = p.coalition_id where c.slug = 'la-tech' order by p.name limit 1`)).rows;
    const task = await post(`/initiatives/${initiative}/tasks`, { name: 'Recruit mentors', startsOn: '2031-01-09', durationDays: 10, progress: 10, assigneeId: person!.id });
    expect((await plan(`&initiativeId=${initiative}`)).items[0]!.assigneeName).toBe(person!.name);
    await t.database.db.execute(sql`update people set name = ${person!.name + ' Jr.'} where id = ${person!.id}`);
    const renamed = await plan(`&initiativeId=${initiative}`);
    expect(renamed.items[0]!.assigneeName).toBe(person!.name + ' Jr.');
    expect(renamed.items[0]!.state).toBe('in_progress');

    await post('/risks', { initiativeId: initiative, title: 'Mentors drop out', likelihood: 4, impact: 4, impactOn: ['timeline'], taskIds: [task.id] });
    const risky = await plan(`&initiativeId=${initiative}`);
    expect(risky.items[0]!.state).toBe('at_risk');
    expect(risky.items[0]!.atRiskReasons).toContain('threatened');
    await t.database.db.execute(sql`update people set name = ${person!.name} where id = ${person!.id}`);
  });

  it('reads back every task and person name exactly, whatever characters it holds (the plan is read as one text value per table)', async () => {
    const initiative = (await post('/initiatives', { title: 'Cache names', category: 'custom', customCategory: 'Planning test' })).id as string;
    const [person] = (await t.database.db.execute<{ id: string; name: string }>(sql`select p.id, p.name from people p join coalitions c on c.id = p.coalition_id where c.slug = 'la-tech' order by p.name desc limit 1`)).rows;
    const first = await post(`/initiatives/${initiative}/tasks`, { name: 'First', startsOn: '2031-02-02', durationDays: 2, progress: 30, assigneeId: person!.id });
    const second = await post(`/initiatives/${initiative}/tasks`, { name: 'Second', startsOn: '2031-02-02', milestone: true, dependsOn: [first.id] });
    expect((await t.request({ method: 'POST', url: `${LA}/initiatives/${initiative}/baseline`, as: coordinator })).statusCode).toBe(200);
    // Quotes, a backslash, a tab, a line break, accents and an emoji, then also the two control characters
    // the plan's text uses as separators (then it is read as rows): written as another process could.
    const oddPerson = `${person!.name} "Q" \u001f 🎓`;
    await t.database.db.execute(sql`update people set name = ${oddPerson} where id = ${person!.id}`);
    for (const odd of ['Boot camp "week 1", back\\slash\ttab\nline, ñandú 🎓', 'Boot camp \u001e "week 1" \u001f end']) {
      await t.database.db.execute(sql`update initiative_tasks set name = ${odd} where id = ${first.id}`);
      const listed = await plan(`&initiativeId=${initiative}`);
      const a = listed.items.find((i) => i.id === first.id)!;
      const b = listed.items.find((i) => i.id === second.id)!;
      expect([a.name, a.assigneeId, a.assigneeName, a.durationDays, a.milestone, a.progress, a.dependsOn, a.baselineStart, a.baselineFinish]).toEqual([odd, person!.id, oddPerson, 2, false, 30, [], '2031-02-02', '2031-02-03']);
      expect([b.name, b.assigneeId, b.assigneeName, b.durationDays, b.milestone, b.progress, b.dependsOn, b.earlyStart, b.baselineFinish]).toEqual(['Second', null, null, 0, true, 0, [first.id], '2031-02-04', '2031-02-04']);
    }
    await t.database.db.execute(sql`update people set name = ${person!.name} where id = ${person!.id}`);
  });
});

describe('the plan cache', () => {
  it('keeps a plan per coalition, version and day, and drops a coalition\'s older versions once a newer one is kept', async () => {
    clearPlanCache();
    let computed = 0;
    const plan = (coalition: string, version: string, day = '2031-01-10') => cachedPlan(coalition, version, day, async () => `${coalition}@${version}#${++computed}`);
    expect(await plan('a', '9')).toBe('a@9#1');
    expect(await plan('a', '9')).toBe('a@9#1');
    expect(await plan('a', '9', '2031-01-11')).toBe('a@9#2');
    expect(await plan('b', '9')).toBe('b@9#3');
    // Version 10 of coalition a (versions compare as numbers, not text): a@9 is gone, b@9 stays.
    expect(await plan('a', '10')).toBe('a@10#4');
    expect(await plan('b', '9')).toBe('b@9#3');
    expect(await plan('a', '10')).toBe('a@10#4');
    expect(await plan('a', '9')).toBe('a@9#5');
    clearPlanCache();
  });
});

async function coalitionId(): Promise<string> {
  const [row] = (await t.database.db.execute<{ id: string }>(sql`select id from coalitions where slug = 'la-tech'`)).rows;
  return row!.id;
}
