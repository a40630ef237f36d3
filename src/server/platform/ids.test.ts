import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { z } from 'zod';
import { uuidV7, uuidV7Sql } from './ids.js';

/** The creation time an id carries: its first 48 bits (milliseconds since the epoch). */
const uuidV7Time = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('uuidV7', () => {
  it('is an RFC 9562 version 7 UUID that carries its creation time', () => {
    const before = Date.now();
    const id = uuidV7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(uuidV7Time(id)).toBeGreaterThanOrEqual(before);
    expect(uuidV7Time(id)).toBeLessThanOrEqual(Date.now());
  });

  it('only increases within a process, also many in one millisecond and when the clock steps back', () => {
    const ids = [...Array.from({ length: 10_000 }, () => uuidV7(1_800_000_000_000)), uuidV7(1_700_000_000_000), uuidV7()];
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!, `${ids[i - 1]} then ${ids[i]}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // 10,000 in one stated millisecond overflow the 12-bit sequence: the time moves on instead.
    expect(uuidV7Time(ids[9_999]!)).toBeGreaterThan(1_800_000_000_000);
  });

  it('keeps 62 random bits: ids of the same millisecond and sequence differ', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => uuidV7().slice(19)));
    expect(tails.size).toBe(1000);
  });
});

describe('uuidV7Sql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  }, 120_000);
  afterAll(() => t?.close());

  it('makes version 7 UUIDs in the database, carrying the time they were made', async () => {
    const before = Date.now();
    const { rows } = await t.database.db.execute<{ id: string }>(sql`select ${uuidV7Sql}::text as id from generate_series(1, 2000)`);
    const after = Date.now();
    const ids = rows.map((r) => r.id);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuidV7Time(id)).toBeGreaterThanOrEqual(before - 1);
      expect(uuidV7Time(id)).toBeLessThanOrEqual(after + 1);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
