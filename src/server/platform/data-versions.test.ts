import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../test/harness.js';
import { sessionWithMembership } from './auth/sessions.js';

/** Migration 0017's triggers, and the versions reaching a request with its session (decision 036). */
let t: TestApp;
let la = '';
let bay = '';
const rows = async <T>(text: string, values: unknown[] = []) => (await t.database.pool.query(text, values)).rows as T[];
const version = async (coalitionId: string) => (await rows<{ v: string | null }>(`select (select version::text from data_versions where coalition_id = $1 and kind = 'opportunities') as v`, [coalitionId]))[0]!.v;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.signUp('Bay Owner', 'bay-owner@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: owner, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  [la, bay] = (await rows<{ id: string }>(`select id from coalitions where slug in ('la-tech', 'bay-tech') order by slug desc`)).map((r) => r.id) as [string, string];
}, 120_000);
afterAll(() => t?.close());

describe('data versions', () => {
  it('move with each statement that changes a coalition’s opportunities or the skills they ask for, and only that coalition’s', async () => {
    const bayBefore = await version(bay);
    let last = await version(la);
    const moved = async () => {
      const now = await version(la);
      const did = now !== last && BigInt(now ?? 0) > BigInt(last ?? 0);
      last = now;
      return did;
    };
    const [opportunity] = await rows<{ id: string }>(`select id from opportunities where coalition_id = $1 limit 1`, [la]);
    await rows(`update opportunities set title = title where coalition_id = $1 and id = $2`, [la, opportunity!.id]);
    expect(await moved()).toBe(true);
    await rows(`update opportunity_skills set importance = importance where coalition_id = $1 and opportunity_id = $2`, [la, opportunity!.id]);
    expect(await moved()).toBe(true);
    // A statement that changed no row moves nothing.
    await rows(`update opportunities set title = title where coalition_id = $1 and id = gen_random_uuid()`, [la]);
    expect(await moved()).toBe(false);
    // This coalition's writes left the other one's version alone.
    expect(await version(bay)).toBe(bayBefore);
  });

  it('move for every coalition when a skill changes or a table is emptied', async () => {
    const before = [await version(la), await version(bay)];
    // A statement that changed no skill moves nothing.
    await rows(`update skills set name = name where id = 'no such skill'`);
    expect([await version(la), await version(bay)]).toEqual(before);
    await rows(`update skills set name = name where id = (select id from skills limit 1)`);
    const after = [await version(la), await version(bay)];
    expect(after.map((v, i) => BigInt(v!) > BigInt(before[i] ?? 0))).toEqual([true, true]);
    await rows(`truncate opportunity_skills`);
    const emptied = [await version(la), await version(bay)];
    expect(emptied.map((v, i) => BigInt(v!) > BigInt(after[i]!))).toEqual([true, true]);
  });

  it('reach a request with its session, in the same statement', async () => {
    const session = await t.signIn(demo.coordinator);
    const secret = decodeURIComponent(session.cookie.split('tb_session=')[1]!.split(';')[0]!);
    const { membership } = await sessionWithMembership(t.database.db, secret, 'la-tech');
    expect(membership?.dataVersions).toEqual({ opportunities: await version(la) });
    // A coalition nothing was written to yet has no row: version 0 (no entry).
    await rows(`delete from data_versions where coalition_id = $1`, [la]);
    expect((await sessionWithMembership(t.database.db, secret, 'la-tech')).membership?.dataVersions).toEqual({});
  });
});
