import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let student: Session;
const url = '/api/v1/coalitions/la-tech';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  student = await t.signIn(demo.student);
});
afterAll(() => t?.close());

async function importCsv(kind: string, csv: string, as: Session = coordinator) {
  const res = await t.request({ method: 'POST', url: `${url}/imports/${kind}`, as, headers: { 'content-type': 'text/csv' }, payload: csv });
  if (res.statusCode !== 202) return { res, status: null };
  await t.runJobs();
  const status = await t.request({ method: 'GET', url: `${url}/imports/${res.json().id}`, as });
  return { res, status: status.json() };
}

async function countOrganizations() {
  return (await t.request({ method: 'GET', url: `${url}/organizations?limit=200`, as: coordinator })).json().items.length as number;
}

describe('organization import', () => {
  it('imports all rows (CRLF), then re-importing changes nothing', async () => {
    const before = await countOrganizations();
    const csv = 'name,type,website,external_id\r\nRiot Games,employer,https://www.riotgames.com,ORG-1\r\n"Hollywood, High School",k12,,ORG-2\r\n';
    const first = await importCsv('organizations', csv);
    expect(first.res.statusCode).toBe(202);
    expect(first.status).toMatchObject({ status: 'succeeded', processed: 2, total: 2, errors: [], result: { created: 2, updated: 0 } });
    expect(await countOrganizations()).toBe(before + 2);
    const again = await importCsv('organizations', csv);
    expect(again.status.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await countOrganizations()).toBe(before + 2);
    const list = await t.request({ method: 'GET', url: `${url}/organizations?q=ORG-2`, as: coordinator });
    expect(list.json().items[0]).toMatchObject({ name: 'Hollywood, High School', externalId: 'ORG-2', type: 'k12' });
  });

  it('updates a row whose external_id exists (LF line ends)', async () => {
    const res = await importCsv('organizations', 'name,type,website,external_id\nRiot Games Inc.,employer,https://www.riotgames.com,ORG-1\n');
    expect(res.status.result).toMatchObject({ created: 0, updated: 1 });
  });

  it('writes nothing when any row is bad, and reports every bad row with its column', async () => {
    const before = await countOrganizations();
    const csv = ['name,type,website', 'Good Co,employer,https://good.example', ',college,', 'Bad Type,spaceship,', 'Bad Site,nonprofit,ftp://x', 'Good Co,employer,'].join('\n');
    const { status } = await importCsv('organizations', csv);
    expect(status.status).toBe('failed');
    expect(status.errors).toEqual([
      { row: 3, column: 'name', message: 'Required' },
      { row: 4, column: 'type', message: expect.stringContaining('Must be one of') },
      { row: 5, column: 'website', message: expect.stringContaining('http') },
      { row: 6, column: null, message: expect.stringContaining('row 2') },
    ]);
    expect(await countOrganizations()).toBe(before);
    const report = await t.request({ method: 'GET', url: `${url}/imports/${status.id}/errors.csv`, as: coordinator });
    expect(report.headers['content-disposition']).toContain('attachment');
    expect(report.body.split('\r\n')[0]).toBe('row,column,message');
  });

  it('writes nothing from a large file whose bad rows come after batches were written, and reports each', async () => {
    const before = await countOrganizations();
    const lines = ['name,type,external_id'];
    for (let i = 1; i <= 2600; i++) lines.push(i === 2100 ? `Batch Org ${i},spaceship,BATCH-${i}` : `Batch Org ${i},employer,BATCH-${i}`);
    lines.push('Batch Org 1,employer,BATCH-1');
    const { status } = await importCsv('organizations', lines.join('\n'));
    expect(status).toMatchObject({ status: 'failed', processed: 2601 });
    expect(status.errors).toEqual([
      { row: 2101, column: 'type', message: expect.stringContaining('Must be one of') },
      { row: 2602, column: null, message: expect.stringContaining('row 2') },
    ]);
    expect(await countOrganizations()).toBe(before);
    const search = await t.request({ method: 'GET', url: `${url}/organizations?q=BATCH-1`, as: coordinator });
    expect(search.json().items).toEqual([]);
  });

  it('reports a missing column as row 1', async () => {
    const { status } = await importCsv('organizations', 'title,kind\nX,employer\n');
    expect(status.errors).toEqual([
      { row: 1, column: 'name', message: 'Missing column "name"' },
      { row: 1, column: 'type', message: 'Missing column "type"' },
    ]);
  });

  it('refuses roles that may not create the records, and unknown kinds', async () => {
    expect((await importCsv('organizations', 'name,type\nX,employer\n', student)).res.statusCode).toBe(403);
    expect((await importCsv('nonsense', 'a\n1\n')).res.statusCode).toBe(403);
  });
});
