import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let employer: Session;
let outsider: Session;
const outbox = '/api/v1/coalitions/la-tech/outbox';

type Mail = { id: string; toAddress: string; createdAt: string };

async function allPages(url: string, as: Session, limit: number): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.request({ method: 'GET', url: `${url}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, as });
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: Mail[]; nextCursor: string | null };
    ids.push(...page.items.map((m) => m.id));
    pages.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return { ids, pages };
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  employer = await t.signIn(demo.employer);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  // Mail through the app (invitations), and five messages sharing one millisecond, so the
  // cursor's tie-break on id is what keeps them apart.
  for (let i = 0; i < 4; i++) {
    expect((await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/invitations', as: coordinator, payload: { email: `invitee${i}@example.org`, roles: ['member'] } })).statusCode).toBe(201);
  }
  await t.database.pool.query(
    `insert into mail_messages (id, coalition_id, to_address, subject, text_body, kind, status, created_at)
     select gen_random_uuid(), c.id, 'same-ms-' || n || '@example.org', 'Same millisecond', 'x', 'test', 'outbox', timestamptz '2026-01-02 03:04:05.678+00'
     from coalitions c, generate_series(1, 5) n where c.slug = 'la-tech'`,
  );
  await t.database.pool.query(
    `insert into mail_messages (id, coalition_id, to_address, subject, text_body, kind, status)
     select gen_random_uuid(), c.id, 'bay@example.org', 'Bay mail', 'x', 'test', 'outbox' from coalitions c where c.slug = 'bay-tech'`,
  );
}, 120_000);
afterAll(() => t?.close());

describe('the outbox list', () => {
  it('pages newest first with every message exactly once, whatever the page size', async () => {
    const all = (await t.request({ method: 'GET', url: `${outbox}?limit=200`, as: coordinator })).json().items as Mail[];
    expect(all.length).toBeGreaterThanOrEqual(9);
    expect(all.filter((m) => m.toAddress.startsWith('same-ms-'))).toHaveLength(5);
    const times = all.map((m) => m.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const limit of [1, 2, 3, 4]) {
      const { ids, pages } = await allPages(outbox, coordinator, limit);
      expect(ids).toEqual(all.map((m) => m.id));
      expect(pages.length).toBe(Math.ceil(all.length / limit));
      expect(pages.slice(0, -1).every((n) => n === limit)).toBe(true);
    }
  });

  it("holds only the coalition's own mail; another coalition's outbox is its own", async () => {
    const ours = (await t.request({ method: 'GET', url: `${outbox}?limit=200`, as: coordinator })).json().items as Mail[];
    expect(ours.some((m) => m.toAddress === 'bay@example.org')).toBe(false);
    const theirs = (await t.request({ method: 'GET', url: '/api/v1/coalitions/bay-tech/outbox?limit=200', as: outsider })).json().items as Mail[];
    expect(theirs.map((m) => m.toAddress)).toEqual(['bay@example.org']);
    expect((await t.request({ method: 'GET', url: outbox, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/bay-tech/outbox', as: coordinator })).statusCode).toBe(404);
  });

  it('is for the Coordinator; a bad cursor or limit is a 400 naming it', async () => {
    expect((await t.request({ method: 'GET', url: outbox, as: employer })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: outbox })).statusCode).toBe(401);
    const cursor = await t.request({ method: 'GET', url: `${outbox}?cursor=not-a-cursor`, as: coordinator });
    expect(cursor.statusCode).toBe(400);
    expect(JSON.stringify(cursor.json().errors)).toContain('cursor');
    const limit = await t.request({ method: 'GET', url: `${outbox}?limit=201`, as: coordinator });
    expect(limit.statusCode).toBe(400);
    expect(JSON.stringify(limit.json().errors)).toContain('limit');
  });
});
