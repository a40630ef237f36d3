import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people as peopleTable } from '../../db/schema.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let government: Session;
let employer: Session;
let educator: Session;
let student: Session;
let outsider: Session;
const base = '/api/v1/coalitions/la-tech/people';
const orgIds = new Map<string, string>();
let bayOrgId: string;
let bayPersonId: string;

interface Person {
  id: string;
  name: string;
  roles: string[];
  organizationId: string | null;
  organizationName: string | null;
  organizationType: string | null;
  hasAccount: boolean;
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  government = await t.signIn(demo.government);
  employer = await t.signIn(demo.employer);
  educator = await t.signIn(demo.educator);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia@example.org');
  expect((await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-tech', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } })).statusCode).toBe(201);
  const orgs = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/organizations?limit=200', as: coordinator })).json().items;
  for (const org of orgs) orgIds.set(org.name, org.id);
  const bayOrg = await t.request({ method: 'POST', url: '/api/v1/coalitions/bay-tech/organizations', as: outsider, payload: { name: 'Bay Robotics', type: 'employer' } });
  expect(bayOrg.statusCode).toBe(201);
  bayOrgId = bayOrg.json().id;
  const bayPerson = await t.request({ method: 'POST', url: '/api/v1/coalitions/bay-tech/people', as: outsider, payload: { name: 'Bay Contact', organizationId: bayOrgId } });
  expect(bayPerson.statusCode).toBe(201);
  bayPersonId = bayPerson.json().id;
});
afterAll(() => t?.close());

const names = (res: LightMyRequestResponse) => res.json().items.map((p: Person) => p.name).sort();
const paths = (res: LightMyRequestResponse) => (res.json().errors ?? []).map((e: { path: string }) => e.path);
const list = (query: string, as: Session = coordinator) => t.request({ method: 'GET', url: `${base}?${query}`, as });
const personNamed = async (name: string): Promise<Person> => {
  const found = (await list(`q=${encodeURIComponent(name)}`)).json().items.find((p: Person) => p.name === name);
  if (!found) throw new Error(`no person named ${name}`);
  return found;
};
const personIdOf = async (session: Session): Promise<string> =>
  (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: session })).json().coalitions.find((c: { slug: string }) => c.slug === 'la-tech').personId;
const countPeople = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(peopleTable))[0]!.n;

describe('listing people', () => {
  it('pages through everyone with a cursor, in a stable order', async () => {
    const all = (await list('limit=200')).json();
    expect(all.items).toHaveLength(12);
    expect(all.nextCursor).toBeNull();
    const seen: Person[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Person[]; nextCursor: string | null } = (await list(`limit=5${cursor ? `&cursor=${cursor}` : ''}`)).json();
      sizes.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 10);
    expect(sizes).toEqual([5, 5, 2]);
    expect(seen.map((p) => p.id)).toEqual(all.items.map((p: Person) => p.id));
    expect((await list('cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('shows each person with their organization and whether they have an account', async () => {
    const maya = await personNamed('Maya Chen');
    expect(maya).toMatchObject({ organizationName: 'Bixel Exchange', organizationType: 'intermediary', hasAccount: true, organizationId: orgIds.get('Bixel Exchange') });
    expect([...maya.roles].sort()).toEqual(['coordinator', 'leadership_council']);
    expect(await personNamed('Priya Natarajan')).toMatchObject({ organizationName: 'Amazon Web Services', hasAccount: false });
  });

  it('searches names, e-mails and titles, with wildcards taken literally', async () => {
    expect(names(await list('q=chen'))).toEqual(['Maya Chen']);
    expect(names(await list('q=DEAN%20of'))).toEqual(['Marcus Lee']);
    expect(names(await list('q=employer%40la-tech'))).toEqual(['Jordan Rivera']);
    expect((await list('q=%25')).json().items).toEqual([]);
    expect((await list('q=_')).json().items).toEqual([]);
  });

  it('filters by role and by organization type, together with search', async () => {
    expect(names(await list('role=coordinator'))).toEqual(['Maya Chen']);
    expect(names(await list('role=point_of_contact'))).toEqual(['Alicia Gómez', 'Daniel Ortiz', 'Grace Kim', 'Marcus Lee']);
    expect(names(await list('organizationType=employer'))).toEqual(['Ethan Walker', 'Jordan Rivera', 'Priya Natarajan']);
    expect(names(await list('organizationType=college'))).toEqual(['Alicia Gómez', 'Luis Hernández', 'Marcus Lee']);
    expect(names(await list('role=point_of_contact&organizationType=college'))).toEqual(['Alicia Gómez', 'Marcus Lee']);
    expect(names(await list('organizationType=college&q=lee'))).toEqual(['Marcus Lee']);
    expect(names(await list(`organizationId=${orgIds.get('Santa Monica College')}`))).toEqual(['Luis Hernández', 'Marcus Lee']);
    const bad = await list('role=emperor');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('is for staff: a student cannot list people but can read their own record', async () => {
    const res = await list('', student);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    const ownId = await personIdOf(student);
    const own = await t.request({ method: 'GET', url: `${base}/${ownId}`, as: student });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: ownId, name: 'Luis Hernández', roles: ['student'], organizationName: 'Santa Monica College' });
    const someoneElse = (await personNamed('Marcus Lee')).id;
    expect((await t.request({ method: 'GET', url: `${base}/${someoneElse}`, as: student })).statusCode).toBe(403);
    // Staff of member organizations may read the directory.
    expect((await list('', employer)).statusCode).toBe(200);
  });
});

describe('changing people', () => {
  it('creates, edits and deletes, auditing each write', async () => {
    const snap = orgIds.get('Snap Inc.')!;
    const created = await t.request({
      method: 'POST',
      url: base,
      as: coordinator,
      payload: { name: 'Riley Recruiter', title: 'Recruiter', organizationId: snap, email: ' Riley@Example.org ', phone: '+1 310 555 0100', roles: ['volunteer'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Riley Recruiter', email: 'riley@example.org', organizationName: 'Snap Inc.', organizationType: 'employer', roles: ['volunteer'], hasAccount: false });
    const id = created.json().id;
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).json()).toEqual(created.json());

    const patched = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { title: 'Senior Recruiter', phone: '' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Senior Recruiter', phone: null, name: 'Riley Recruiter', email: 'riley@example.org', roles: ['volunteer'] });

    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(404);

    const audit = (await t.request({ method: 'GET', url: `/api/v1/coalitions/la-tech/audit-log?entityId=${id}`, as: coordinator })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(audit.every((e: { entityType: string; actorUserId: string }) => e.entityType === 'person' && e.actorUserId === coordinator.userId)).toBe(true);
    expect(audit[1].changes).toEqual({ title: { from: 'Recruiter', to: 'Senior Recruiter' }, phone: { from: '+1 310 555 0100', to: null } });
  });

  it('rejects a bad e-mail, naming the field, and writes nothing', async () => {
    const before = await countPeople();
    const res = await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: 'Eddie Email', email: 'not-an-email' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(paths(res)).toEqual(['email']);
    expect(await countPeople()).toBe(before);
    const marcus = await personNamed('Marcus Lee');
    const patch = await t.request({ method: 'PATCH', url: `${base}/${marcus.id}`, as: coordinator, payload: { email: 'marcus@' } });
    expect(patch.statusCode).toBe(422);
    expect(paths(patch)).toEqual(['email']);
    expect((await t.request({ method: 'GET', url: `${base}/${marcus.id}`, as: coordinator })).json().email).toBe('marcus.lee@example.org');
  });

  it("refuses an organization of another coalition, naming organizationId", async () => {
    const before = await countPeople();
    for (const organizationId of [bayOrgId, randomUUID()]) {
      const res = await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: 'Cross Linked', organizationId } });
      expect(res.statusCode).toBe(422);
      expect(paths(res)).toEqual(['organizationId']);
    }
    expect(await countPeople()).toBe(before);
    const grace = await personNamed('Grace Kim');
    const patch = await t.request({ method: 'PATCH', url: `${base}/${grace.id}`, as: coordinator, payload: { organizationId: bayOrgId } });
    expect(patch.statusCode).toBe(422);
    expect(paths(patch)).toEqual(['organizationId']);
    expect((await personNamed('Grace Kim')).organizationId).toBe(grace.organizationId);
  });

  it('lets a member edit their own name but not their own roles', async () => {
    const ownId = await personIdOf(employer);
    const renamed = await t.request({ method: 'PATCH', url: `${base}/${ownId}`, as: employer, payload: { name: 'Jordan A. Rivera' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Jordan A. Rivera' });

    const promoted = await t.request({ method: 'PATCH', url: `${base}/${ownId}`, as: employer, payload: { roles: ['member', 'champion', 'coordinator'] } });
    expect(promoted.statusCode).toBe(403);
    const after = (await t.request({ method: 'GET', url: `${base}/${ownId}`, as: employer })).json();
    expect([...after.roles].sort()).toEqual(['champion', 'member']);
    const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: employer })).json();
    expect(me.coalitions[0].roles).not.toContain('coordinator');

    // Nor may they edit someone else.
    const other = await personNamed('Hannah Park');
    expect((await t.request({ method: 'PATCH', url: `${base}/${other.id}`, as: employer, payload: { name: 'Hacked' } })).statusCode).toBe(403);
    expect((await personNamed('Hannah Park')).name).toBe('Hannah Park');
  });

  it('does not let a member move themselves into another organization', async () => {
    // A point of contact may edit their own organization's record: moving themselves would grant that.
    const ownId = await personIdOf(educator);
    const snap = orgIds.get('Snap Inc.')!;
    const moved = await t.request({ method: 'PATCH', url: `${base}/${ownId}`, as: educator, payload: { organizationId: snap } });
    expect(moved.statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${base}/${ownId}`, as: educator })).json().organizationName).toBe('Pierce College');
    const edit = await t.request({ method: 'PATCH', url: `/api/v1/coalitions/la-tech/organizations/${snap}`, as: educator, payload: { website: 'https://evil.example' } });
    expect(edit.statusCode).toBe(403);
  });

  it('lets only the Coordinator assign roles', async () => {
    // The leadership council may add and edit people, but not hand out roles.
    const withRoles = await t.request({ method: 'POST', url: base, as: government, payload: { name: 'Vic Volunteer', roles: ['volunteer'] } });
    expect(withRoles.statusCode).toBe(403);
    expect((await list('q=Vic%20Volunteer')).json().items).toEqual([]);
    const created = await t.request({ method: 'POST', url: base, as: government, payload: { name: 'Vic Volunteer' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().roles).toEqual([]);
    const byCouncil = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: government, payload: { roles: ['coordinator'] } });
    expect(byCouncil.statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `${base}/${id}`, as: government, payload: { title: 'Mentor' } })).json().title).toBe('Mentor');
    const byCoordinator = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { roles: ['volunteer', 'champion'] } });
    expect(byCoordinator.statusCode).toBe(200);
    expect(byCoordinator.json().roles).toEqual(['volunteer', 'champion']);
    const audit = (await t.request({ method: 'GET', url: `/api/v1/coalitions/la-tech/audit-log?entityId=${id}`, as: coordinator })).json().items;
    expect(audit[0].changes).toEqual({ roles: { from: [], to: ['volunteer', 'champion'] } });
    // Deleting is the Coordinator's too.
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: government })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(204);
  });

  it('keeps a Coordinator who can sign in', async () => {
    const maya = await personIdOf(coordinator);
    const dana = await personIdOf(government);
    const priya = (await personNamed('Priya Natarajan')).id;
    const dropOwn = () => t.request({ method: 'PATCH', url: `${base}/${maya}`, as: coordinator, payload: { roles: ['leadership_council'] } });

    const last = await dropOwn();
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ status: 409, code: 'conflict' });
    expect((await t.request({ method: 'DELETE', url: `${base}/${maya}`, as: coordinator })).statusCode).toBe(409);
    expect(names(await list('role=coordinator'))).toEqual(['Maya Chen']);

    // A directory contact without an account cannot be the coalition's only Coordinator.
    expect((await t.request({ method: 'PATCH', url: `${base}/${priya}`, as: coordinator, payload: { roles: ['coordinator'] } })).statusCode).toBe(200);
    expect((await dropOwn()).statusCode).toBe(409);

    // With a second Coordinator who has an account, the first may step down…
    expect((await t.request({ method: 'PATCH', url: `${base}/${dana}`, as: coordinator, payload: { roles: ['leadership_council', 'member', 'coordinator'] } })).statusCode).toBe(200);
    expect((await dropOwn()).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/audit-log', as: coordinator })).statusCode).toBe(403);
    // …and then the new one is the last.
    expect((await t.request({ method: 'PATCH', url: `${base}/${dana}`, as: government, payload: { roles: ['leadership_council'] } })).statusCode).toBe(409);

    // Put things back.
    expect((await t.request({ method: 'PATCH', url: `${base}/${maya}`, as: government, payload: { roles: ['coordinator', 'leadership_council'] } })).statusCode).toBe(200);
    expect((await t.request({ method: 'PATCH', url: `${base}/${dana}`, as: coordinator, payload: { roles: ['leadership_council', 'member'] } })).statusCode).toBe(200);
    expect((await t.request({ method: 'PATCH', url: `${base}/${priya}`, as: coordinator, payload: { roles: ['initiative_leader', 'champion'] } })).statusCode).toBe(200);
    expect(names(await list('role=coordinator'))).toEqual(['Maya Chen']);
  });
});

describe('tenancy', () => {
  it("hides another coalition's people as 404", async () => {
    const marcus = (await personNamed('Marcus Lee')).id;
    // A non-member asking for the coalition at all.
    expect((await list('', outsider)).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${base}/${marcus}`, as: outsider })).statusCode).toBe(404);
    // A record of one coalition asked for under another.
    const bay = '/api/v1/coalitions/bay-tech/people';
    expect((await t.request({ method: 'GET', url: `${bay}/${marcus}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `${bay}/${marcus}`, as: outsider, payload: { name: 'Hijacked' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${bay}/${marcus}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${base}/${bayPersonId}`, as: coordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `${base}/${bayPersonId}`, as: coordinator, payload: { name: 'Hijacked' } })).statusCode).toBe(404);
    const [stillThere] = await t.database.db
      .select({ name: peopleTable.name })
      .from(peopleTable)
      .where(and(eq(peopleTable.id, marcus)));
    expect(stillThere!.name).toBe('Marcus Lee');
    const [bayStill] = await t.database.db.select({ name: peopleTable.name }).from(peopleTable).where(eq(peopleTable.id, bayPersonId));
    expect(bayStill!.name).toBe('Bay Contact');
  });
});

describe('removing a person who owns records', () => {
  it('keeps their action items, commitments, documents, prospects and agreement acceptances, with the owner cleared', async () => {
    const created = await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: 'Owner To Remove', organizationId: orgIds.get('Snap Inc.') ?? null } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    // The demo has no library document: upload one (a plain multipart body, one text file).
    const boundary = 'owner-test-boundary';
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="title"', '', 'Owner test notes', `--${boundary}`, 'Content-Disposition: form-data; name="visibility"', '', 'coalition', `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="notes.txt"', 'Content-Type: text/plain', '', 'notes', `--${boundary}--`, ''].join('\r\n');
    const uploaded = await t.request({ method: 'POST', url: '/api/v1/coalitions/la-tech/documents', as: coordinator, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(uploaded.statusCode).toBe(201);
    // Hand them one record of each kind whose owner is cleared on removal (la-tech's).
    const owned = [
      ['action_items', 'owner_id'],
      ['commitments', 'owner_id'],
      ['documents', 'owner_id'],
      ['prospects', 'owner_id'],
      ['data_sharing_acceptances', 'accepted_by'],
    ] as const;
    const claimed: { table: string; column: string; row: string }[] = [];
    for (const [table, column] of owned) {
      const res = await t.database.pool.query(
        `update ${table} set ${column} = $1 where ctid = (select ctid from ${table} where coalition_id = (select coalition_id from people where id = $1) limit 1) returning 1 as row`,
        [id],
      );
      if (res.rows[0]) claimed.push({ table, column, row: res.rows[0].row });
    }
    expect(claimed.map((c) => c.table)).toEqual(owned.map(([table]) => table));

    const count = async (table: string) => (await t.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
    const before = await Promise.all(owned.map(([table]) => count(table)));
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(204);
    expect(await Promise.all(owned.map(([table]) => count(table)))).toEqual(before);
    for (const [table, column] of owned) {
      const { rows } = await t.database.pool.query(`select count(*)::int as n from ${table} where ${column} = $1`, [id]);
      expect(rows[0].n, table).toBe(0);
      const { rows: orphans } = await t.database.pool.query(`select count(*)::int as n from ${table} where coalition_id is null`);
      expect(orphans[0].n, table).toBe(0);
    }
  });
});
