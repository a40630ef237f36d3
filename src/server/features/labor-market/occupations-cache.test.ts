import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupationsResponse, type OccupationsResponse } from '../../../shared/labor-market.contract.js';
import type { Db, Executor } from '../../db/client.js';
import type { TenantCtx } from '../../platform/context.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { runImport } from './fixtures/import-harness.js';
import { listOccupationsBody } from './labor-market.service.js';
import { clearOccupationsCache, laborMarketVersion } from './occupations-cache.js';

let t: TestApp;
let coordinator: Session;
let outsider: Session;
let la: string;
const base = (slug: string) => `/api/v1/coalitions/${slug}/labor-market`;
const header = 'region,soc,title,base_year,base_employment,projected_year,projected_employment,annual_new_jobs,annual_replacement_needs\n';

beforeAll(async () => {
  t = await createTestApp();
  clearOccupationsCache();
  coordinator = await t.signIn(demo.coordinator);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } })).statusCode).toBe(201);
  la = (await t.database.db.execute<{ id: string }>(sql`select id from coalitions where slug = 'la-tech'`)).rows[0]!.id;
});
afterAll(() => t?.close());

/** The response as sent (the exact body) and as parsed by the contract (nothing stripped). */
async function occupations(slug = 'la-tech', as = coordinator, region = 'los-angeles') {
  const res = await t.request({ method: 'GET', url: `${base(slug)}/occupations?region=${region}`, as });
  expect(res.statusCode).toBe(200);
  const body = res.json() as OccupationsResponse;
  expect(occupationsResponse.parse(body)).toEqual(body);
  return { raw: res.body, body, item: (soc: string) => body.items.find((i) => i.soc === soc)! };
}
async function csv(region = 'los-angeles') {
  const res = await t.request({ method: 'GET', url: `${base('la-tech')}/occupations.csv?region=${region}`, as: coordinator });
  expect(res.statusCode).toBe(200);
  return res.body;
}

/**
 * A write the version triggers do not see (switched off for it): what the next read shows tells
 * whether it came from the kept body (the old figures) or was built again (the new ones).
 */
async function writeUnseen(table: string, statement: SQL) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
    await tx.execute(statement);
    await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
  });
}

/** The Coordinator's context, on any executor (a transaction here). */
async function coordinatorCtx(db: Executor): Promise<TenantCtx> {
  const [p] = (await t.database.db.execute<{ id: string; user_id: string; name: string; email: string }>(
    sql`select p.id, p.user_id, p.name, p.email from people p where p.coalition_id = ${la} and p.user_id = ${coordinator.userId}`,
  )).rows;
  return {
    services: t.app.services,
    db: db as Db,
    actor: { userId: p!.user_id, email: p!.email, name: p!.name, via: 'session' },
    ip: '127.0.0.1',
    userAgent: undefined,
    baseUrl: 'http://localhost',
    coalition: { id: la, slug: 'la-tech', name: 'LA', timeZone: 'America/Los_Angeles' },
    principal: { personId: p!.id, roles: new Set(['coordinator']), organizationId: null, organizationType: null },
  };
}

describe('the kept occupations response', () => {
  it('is served again while the data version stands, and built again after an import changes the projections', async () => {
    const first = await occupations();
    const firstCsv = await csv();
    expect(first.item('11-3021')).toMatchObject({ title: 'Computer and Information Systems Managers', baseEmployment: 8690 });

    await writeUnseen('lm_projections', sql`update lm_projections set title = 'Unseen title' where coalition_id = ${la} and soc = '11-3021'`);
    // Same bytes: the kept body and CSV, not the table as it now is.
    expect((await occupations()).raw).toBe(first.raw);
    expect(await csv()).toBe(firstCsv);

    // The real import path (job) moves the version in the transaction that writes the rows.
    const result = await runImport(t, coordinator, 'labor-market', `${header}los-angeles,11-3021,Computer and Information Systems Managers,2014,8700,2024,10120,143,102\n`);
    expect(result).toMatchObject({ status: 'succeeded', result: { updated: 1 } });
    const after = await occupations();
    expect(after.item('11-3021')).toMatchObject({ title: 'Computer and Information Systems Managers', baseEmployment: 8700, source: { name: 'Imported labor-market projections' } });
    expect(after.body.totals!.baseEmployment).toBe(first.body.totals!.baseEmployment + 10);
    const afterCsv = await csv();
    expect(afterCsv).not.toBe(firstCsv);
    expect(afterCsv).toContain('\n11-3021,2018,11-3021,Computer and Information Systems Managers,,2014,8700,');
  });

  it('is built again after the stated figures or the SOC crosswalk change (written as another process would, straight to the database)', async () => {
    const before = await occupations();
    expect(before.body.totals!.stated.percentChange).toBe(15.5);
    await t.database.db.execute(sql`update lm_stated_figures set value = 12.5 where coalition_id = ${la} and scope = 'projections' and subject = 'los-angeles' and field = 'percentChange'`);
    const stated = await occupations();
    expect(stated.body.totals!.stated.percentChange).toBe(12.5);
    expect(stated.body.totals!.flags.find((f) => f.code === 'percent_mismatch')!.message).toContain('12.5%');

    // The crosswalk is reference data every coalition reads (no coalition_id): the reference version.
    const apps = stated.body.items.find((i) => i.socVersion === '2010' && i.soc2018.length > 0)!;
    await t.database.db.execute(sql`insert into soc_crosswalk (soc2010, soc2018, soc2010_title, soc2018_title, dataset_key) values (${apps.soc}, '15-1299', 'x', 'Computer Occupations, All Other', 'test')`);
    expect((await occupations()).item(apps.soc).soc2018.map((s) => s.soc)).toEqual([...apps.soc2018.map((s) => s.soc), '15-1299'].sort());
    await t.database.db.execute(sql`delete from soc_crosswalk where soc2010 = ${apps.soc} and soc2018 = '15-1299'`);
    expect((await occupations()).item(apps.soc).soc2018).toEqual(apps.soc2018);
  });

  it('is neither dropped nor shown by another coalition\'s change', async () => {
    const warm = await occupations();
    await writeUnseen('lm_projections', sql`update lm_projections set title = 'Unseen title' where coalition_id = ${la} and soc = '11-3021'`);
    expect((await t.request({ method: 'GET', url: `${base('bay-tech')}/occupations`, as: outsider })).statusCode).toBe(404);

    const imported = await runImport(t, outsider, 'labor-market', `${header}bay-area,15-1252,Software Developers,2018,50000,2028,60000,1000,4000\n`, 'bay-tech');
    expect(imported).toMatchObject({ status: 'succeeded', result: { created: 1 } });
    // Bay Area's list is its own…
    const bay = await occupations('bay-tech', outsider, 'bay-area');
    expect(bay.body.region).toEqual({ slug: 'bay-area', name: 'Bay Area' });
    expect(bay.body.items.map((i) => [i.soc, i.baseEmployment])).toEqual([['15-1252', 50000]]);
    expect((await t.request({ method: 'GET', url: `${base('bay-tech')}/occupations?region=los-angeles`, as: outsider })).statusCode).toBe(404);
    // …and LA's kept body is still the one served (its version did not move).
    expect((await occupations()).raw).toBe(warm.raw);

    // LA's own next change shows everything, the unseen title too.
    await t.database.db.execute(sql`update lm_stated_figures set value = 15.5 where coalition_id = ${la} and scope = 'projections' and subject = 'los-angeles' and field = 'percentChange'`);
    expect((await occupations()).item('11-3021').title).toBe('Unseen title');
    await t.database.db.execute(sql`update lm_projections set title = 'Computer and Information Systems Managers' where coalition_id = ${la} and soc = '11-3021'`);
    expect((await occupations()).item('11-3021').title).toBe('Computer and Information Systems Managers');
  });

  it('never serves what a transaction that rolled back built', async () => {
    const before = await occupations();
    const version = await laborMarketVersion(t.database.db, la);
    const ctx = await coordinatorCtx(t.database.db);
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`update lm_projections set base_employment = 1 where coalition_id = ${la} and soc = '11-3021'`);
        // Built and kept inside the transaction, under the version it moved (not yet committed).
        const inside = JSON.parse((await listOccupationsBody({ ...ctx, db: tx as unknown as Db }, { region: 'los-angeles' })).toString()) as OccupationsResponse;
        expect(inside.items.find((i) => i.soc === '11-3021')!.baseEmployment).toBe(1);
        expect((await laborMarketVersion(tx, la))[0]).not.toBe(version[0]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await laborMarketVersion(t.database.db, la)).toEqual(version);
    const after = await occupations();
    expect(after.item('11-3021').baseEmployment).toBe(before.item('11-3021').baseEmployment);
    expect(after.raw).toBe(before.raw);
    // A later committed change takes a newer number than the rolled-back one, so it is built afresh too.
    await t.database.db.execute(sql`update lm_projections set base_employment = 8690 where coalition_id = ${la} and soc = '11-3021'`);
    expect((await occupations()).item('11-3021').baseEmployment).toBe(8690);
  });
});
