import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
let government: Session;
let student: Session;
let outsider: Session;
const base = '/api/v1/coalitions/la-tech/prospects';
const coverageUrl = '/api/v1/coalitions/la-tech/coverage';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  government = await t.signIn(demo.government);
  student = await t.signIn(demo.student);
  outsider = await t.signUp('Olivia Outsider', 'olivia.prospects@example.org');
  const created = await t.request({ method: 'POST', url: '/api/v1/coalitions', as: outsider, payload: { slug: 'bay-prospects', name: 'Bay Area Tech', region: 'San Francisco Bay Area' } });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t?.close());

const seat = async (key: string) => {
  const res = await t.request({ method: 'GET', url: coverageUrl, as: coordinator });
  expect(res.statusCode).toBe(200);
  return res.json().items.find((i: { seat: string }) => i.seat === key);
};

describe('recruitment pipeline', () => {
  it('lists the illustrative seeded pipeline, searchable by name and by contact', async () => {
    const all = (await t.request({ method: 'GET', url: `${base}?limit=200`, as: coordinator })).json();
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    expect(all.items.every((p: { illustrative: boolean }) => p.illustrative)).toBe(true);
    const byName = (await t.request({ method: 'GET', url: `${base}?q=riot`, as: coordinator })).json();
    expect(byName.items.map((p: { name: string }) => p.name)).toEqual(['Riot Games']);
    const byContact = (await t.request({ method: 'GET', url: `${base}?q=teresa`, as: coordinator })).json();
    expect(byContact.items.map((p: { name: string }) => p.name)).toEqual(['Long Beach Unified School District']);
    const declined = (await t.request({ method: 'GET', url: `${base}?stage=declined`, as: coordinator })).json();
    expect(declined.items.map((p: { name: string }) => p.name)).toEqual(['TrueCar']);
    const summary = (await t.request({ method: 'GET', url: `${base}-summary`, as: government })).json();
    expect(summary.stages.find((s: { stage: string }) => s.stage === 'declined').count).toBe(1);
  });

  it('moves a prospect through the stages to member: an organization, its people invited with their roles, the coverage changes', async () => {
    const before = await seat('state_education_department');
    expect(before).toMatchObject({ stakeholderType: 'government', filled: false, people: [] });

    const created = await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: 'Sacramento Office of Tech Education', type: 'government', stage: 'identified', nextStep: 'Find the right office', nextStepOn: '2026-12-01' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const contact = await t.request({ method: 'POST', url: `${base}/${id}/contacts`, as: coordinator, payload: { name: 'Renee Alvarado', title: 'Deputy Superintendent', email: 'renee.alvarado@example.org', seat: 'state_education_department', roles: ['member', 'leadership_council'], decisionMaker: true } });
    expect(contact.statusCode).toBe(201);
    await t.request({ method: 'POST', url: `${base}/${id}/contacts`, as: coordinator, payload: { name: 'No Email Person', roles: ['member'] } });

    for (const stage of ['contacted', 'in_conversation', 'committed']) {
      const res = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { stage } });
      expect(res.statusCode).toBe(200);
      expect(res.json().stage).toBe(stage);
    }
    const joined = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { stage: 'member' } });
    expect(joined.statusCode).toBe(200);
    const prospect = joined.json();
    expect(prospect.stage).toBe('member');
    expect(prospect.organizationId).toEqual(expect.any(String));
    expect(prospect.contacts.every((c: { personId: string | null }) => c.personId)).toBe(true);

    const org = await t.request({ method: 'GET', url: `/api/v1/coalitions/la-tech/organizations/${prospect.organizationId}`, as: coordinator });
    expect(org.json()).toMatchObject({ name: 'Sacramento Office of Tech Education', type: 'government' });

    const invitations = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/invitations', as: coordinator })).json().items;
    const invited = invitations.find((i: { email: string }) => i.email === 'renee.alvarado@example.org');
    expect(invited).toMatchObject({ roles: ['member', 'leadership_council'], organizationId: prospect.organizationId });
    const outbox = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/outbox?limit=200', as: coordinator })).json().items;
    expect(outbox.find((m: { toAddress: string }) => m.toAddress === 'renee.alvarado@example.org')?.textBody).toMatch(/\/invite\?token=/);

    const after = await seat('state_education_department');
    expect(after.filled).toBe(true);
    expect(after.people).toEqual([expect.objectContaining({ name: 'Renee Alvarado', organizationName: 'Sacramento Office of Tech Education', member: false })]);

    const history = (await t.request({ method: 'GET', url: `${base}/${id}/activities`, as: coordinator })).json().items;
    expect(history.filter((a: { kind: string }) => a.kind === 'stage_change').map((a: { summary: string }) => a.summary)).toEqual(
      expect.arrayContaining(['identified → contacted', 'contacted → in_conversation', 'in_conversation → committed', 'committed → member']),
    );
    const audit = (await t.request({ method: 'GET', url: `/api/v1/coalitions/la-tech/audit-log?entityId=${id}`, as: coordinator })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('convert');

    const again = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { stage: 'declined' } });
    expect(again.statusCode).toBe(409);
  });

  it('accepting the invitation makes the contact a member with the invited roles', async () => {
    const outbox = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/outbox?limit=200', as: coordinator })).json().items;
    const token = /token=([A-Za-z0-9_-]+)/.exec(outbox.find((m: { toAddress: string }) => m.toAddress === 'renee.alvarado@example.org').textBody)![1];
    const accepted = await t.request({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password: 'correct-horse-battery-staple' } });
    expect(accepted.statusCode).toBeLessThan(300);
    const holder = (await seat('state_education_department')).people[0];
    expect(holder.member).toBe(true);
  });

  it('logs contacts, keeps the history, and validates input (422 naming the field, nothing written)', async () => {
    const id = (await t.request({ method: 'GET', url: `${base}?q=northrop`, as: coordinator })).json().items[0].id;
    const logged = await t.request({ method: 'POST', url: `${base}/${id}/activities`, as: government, payload: { occurredOn: '2026-11-20', kind: 'call', summary: 'Spoke with community relations' } });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ kind: 'call', byName: 'Dana Brooks' });
    const bad = await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: '', type: 'spaceship', stage: 'maybe' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['name', 'type', 'stage']));
    const wrongSeat = await t.request({ method: 'POST', url: `${base}/${id}/contacts`, as: coordinator, payload: { name: 'X', seat: 'principal' } });
    expect(wrongSeat.statusCode).toBe(422);
    expect(wrongSeat.json().errors[0].path).toBe('seat');
    const contacts = (await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).json().contacts;
    expect(contacts.map((c: { name: string }) => c.name)).not.toContain('X');
  });

  it('edits the owner, next step and date; an unknown owner or a bad date is a 422 naming the field, nothing written', async () => {
    const id = (await t.request({ method: 'GET', url: `${base}?q=riot`, as: coordinator })).json().items[0].id;
    const dana = (await t.request({ method: 'GET', url: '/api/v1/coalitions/la-tech/people?q=Dana', as: coordinator })).json().items[0];
    const edited = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: government, payload: { ownerId: dana.id, nextStep: 'Send the coalition one-pager', nextStepOn: '2027-01-15' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ ownerId: dana.id, ownerName: dana.name, nextStep: 'Send the coalition one-pager', nextStepOn: '2027-01-15' });
    const bad = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { nextStepOn: '2027-02-30', nextStep: 'x'.repeat(501) } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['nextStepOn', 'nextStep']));
    const ghost = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { ownerId: '00000000-0000-4000-8000-000000000000', nextStep: 'Should not be saved' } });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.json().errors[0].path).toBe('ownerId');
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).json()).toMatchObject({ ownerId: dana.id, nextStep: 'Send the coalition one-pager' });
    const cleared = await t.request({ method: 'PATCH', url: `${base}/${id}`, as: coordinator, payload: { ownerId: null, nextStep: null, nextStepOn: null } });
    expect(cleared.json()).toMatchObject({ ownerId: null, ownerName: null, nextStep: null, nextStepOn: null });
    const badLog = await t.request({ method: 'POST', url: `${base}/${id}/activities`, as: coordinator, payload: { occurredOn: 'yesterday', kind: 'stage_change', summary: '' } });
    expect(badLog.statusCode).toBe(422);
    expect(badLog.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['occurredOn', 'kind', 'summary']));
  });

  it('only the Coordinator converts; students see nothing; another coalition’s prospect is a 404', async () => {
    const id = (await t.request({ method: 'GET', url: `${base}?q=riot`, as: coordinator })).json().items[0].id;
    expect((await t.request({ method: 'PATCH', url: `${base}/${id}`, as: government, payload: { stage: 'member' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).json().stage).toBe('in_conversation');
    expect((await t.request({ method: 'GET', url: base, as: student })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/coalitions/bay-prospects/prospects/${id}`, as: outsider })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/coalitions/bay-prospects/prospects/${id}`, as: outsider, payload: { name: 'Hijack' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: outsider })).statusCode).toBe(404);
  });

  it('deletes a prospect (Coordinator), auditing it', async () => {
    const id = (await t.request({ method: 'POST', url: base, as: coordinator, payload: { name: 'Temporary Prospect', type: 'nonprofit' } })).json().id;
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: government })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `${base}/${id}`, as: coordinator })).statusCode).toBe(404);
  });
});
