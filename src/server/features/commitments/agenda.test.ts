import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let coordinator: Session;
const LA = '/api/v1/coalitions/la-tech';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
});
afterAll(() => t?.close());

describe('overdue commitments on the next meeting’s agenda', () => {
  it('lists an overdue commitment in the agenda until it is done', async () => {
    const esri = (await t.request({ method: 'GET', url: `${LA}/organizations?q=Esri`, as: coordinator })).json().items[0].id;
    const commitment = (await t.request({ method: 'POST', url: `${LA}/commitments`, as: coordinator, payload: { organizationId: esri, title: 'Host the spring job panel', dueOn: '2021-04-01' } })).json();
    const meeting = await t.request({ method: 'POST', url: `${LA}/meetings`, as: coordinator, payload: { title: 'Coalition meeting', kind: 'coalition_meeting', startsAt: '2031-03-04T17:00:00Z', durationMinutes: 60 } });
    expect(meeting.statusCode).toBe(201);
    const agenda = (await t.request({ method: 'GET', url: `${LA}/meetings/${meeting.json().id}/agenda`, as: coordinator })).json();
    const keys = agenda.sections.map((s: { key: string }) => s.key);
    expect(keys.indexOf('overdue_commitments')).toBe(keys.indexOf('proposed_items') - 1);
    const section = agenda.sections.find((s: { key: string }) => s.key === 'overdue_commitments');
    const entry = section.items.find((i: { id: string }) => i.id === commitment.id);
    expect(entry).toMatchObject({ title: 'Host the spring job panel', tag: 'overdue' });
    expect(entry.detail).toContain('Esri');
    await t.request({ method: 'PATCH', url: `${LA}/commitments/${commitment.id}`, as: coordinator, payload: { status: 'done' } });
    const after = (await t.request({ method: 'GET', url: `${LA}/meetings/${meeting.json().id}/agenda`, as: coordinator })).json();
    expect(after.sections.find((s: { key: string }) => s.key === 'overdue_commitments').items.map((i: { id: string }) => i.id)).not.toContain(commitment.id);
  });
});
