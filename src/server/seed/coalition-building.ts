import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { commitments, dataSharingAcceptances, organizations, people, prospectActivities, prospectContacts, prospects, seatHolders } from '../db/schema.js';
import { DATA_SHARING_AGREEMENT_VERSION } from '../../shared/onboarding.contract.js';
import { commitmentTemplates } from '../../shared/commitments.contract.js';
import { newId } from '../platform/auth/secrets.js';
import { seedCommitments, seedDataSharing, seedProspects, seedSeatHolders } from './coalition-building.data.js';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** The illustrative recruitment pipeline, and the seats the seeded people fill. */
export async function seedCoalitionBuilding(tx: Executor, coalitionId: string): Promise<void> {
  const emails = [...seedSeatHolders.map((s) => s.email), 'coordinator@la-tech.demo'];
  const found = await tx
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(eq(people.coalitionId, coalitionId), inArray(people.email, emails)));
  const personByEmail = new Map(found.map((p) => [p.email!, p.id]));
  const coordinatorId = personByEmail.get('coordinator@la-tech.demo') ?? null;

  for (const p of seedProspects) {
    const id = newId();
    await tx.insert(prospects).values({
      coalitionId,
      id,
      name: p.name,
      type: p.type,
      stage: p.stage,
      website: p.website,
      notes: p.notes,
      ownerId: coordinatorId,
      nextStep: p.nextStep,
      nextStepOn: p.nextStepIn === null ? null : isoDay(p.nextStepIn),
      illustrative: true,
    });
    if (p.contacts.length > 0) {
      await tx.insert(prospectContacts).values(p.contacts.map((c) => ({ coalitionId, id: newId(), prospectId: id, ...c })));
    }
    if (p.history.length > 0) {
      await tx.insert(prospectActivities).values(
        p.history.map((h) => ({ coalitionId, id: newId(), prospectId: id, occurredOn: isoDay(-h.daysAgo), kind: h.kind, summary: h.summary, byPersonId: coordinatorId })),
      );
    }
  }

  const holders = seedSeatHolders.filter((s) => personByEmail.has(s.email));
  if (holders.length > 0) {
    await tx.insert(seatHolders).values(holders.map((s) => ({ coalitionId, id: newId(), seat: s.seat, personId: personByEmail.get(s.email)! })));
  }

  await seedMemberDuties(tx, coalitionId, coordinatorId);
}

/** Commitments from the templates (some overdue) and data-sharing acceptances of seeded members. */
async function seedMemberDuties(tx: Executor, coalitionId: string, coordinatorId: string | null): Promise<void> {
  const orgs = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.coalitionId, coalitionId));
  const orgId = new Map(orgs.map((o) => [o.name, o.id]));
  const titles = new Map(Object.values(commitmentTemplates).flat().map((t) => [t.key, t.title]));
  const rows = seedCommitments.filter((c) => orgId.has(c.organization));
  if (rows.length > 0) {
    await tx.insert(commitments).values(
      rows.map((c) => ({
        coalitionId,
        id: newId(),
        organizationId: orgId.get(c.organization)!,
        templateKey: c.templateKey,
        title: titles.get(c.templateKey)!,
        dueOn: isoDay(c.dueIn),
        status: c.status,
        completedOn: c.status === 'done' ? isoDay(c.dueIn - 2) : null,
      })),
    );
  }
  const accepted = seedDataSharing.filter((name) => orgId.has(name));
  if (accepted.length > 0) {
    await tx.insert(dataSharingAcceptances).values(accepted.map((name) => ({ coalitionId, organizationId: orgId.get(name)!, agreementVersion: DATA_SHARING_AGREEMENT_VERSION, acceptedBy: coordinatorId })));
  }
}
