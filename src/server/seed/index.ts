import { sql } from 'drizzle-orm';
import type { Config } from '../env.js';
import type { Database } from '../db/client.js';
import { coalitions, organizations as organizationsTable, people as peopleTable, users } from '../db/schema.js';
import { hashPassword, newId } from '../platform/auth/secrets.js';
import { DEMO_PASSWORD, laTech, organizations, people } from './la-tech.data.js';
import { seedLaborMarket } from './labor-market.js';
import { seedInformationExchange } from './information-exchange.js';
import { seedInitiatives } from './initiatives.js';
import { seedPipeline } from './pipeline.js';
import { seedCoalitionBuilding } from './coalition-building.js';
import { seedMetrics } from './metrics.js';
import { seedRecognition } from './recognition.js';
import { seedMeetings } from './meetings.js';

/**
 * Seeds the demo coalition on an empty database: always when embedded (unless SEED_DEMO=0), on a
 * server only with SEED_DEMO=1. Production never gets the demo accounts. Later rooms add their
 * part of the paper's data in their own seed modules, called from here.
 */
export async function seedIfEmpty(database: Database, config: Config): Promise<{ accounts: boolean } | null> {
  const wanted = config.seedDemo ?? database.mode === 'pglite';
  if (!wanted) return null;
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(coalitions);
  if ((row?.n ?? 0) > 0) return null;
  const accounts = !config.production;
  const seeded = await seedDemo(database, { accounts, onlyIfEmpty: true });
  return seeded ? { accounts } : null;
}

// Several processes may start at once on an empty server: one seeds, the others find it done.
const SEED_LOCK = 7_420_002;

export async function seedDemo(database: Database, options: { accounts: boolean; onlyIfEmpty?: boolean }): Promise<string | null> {
  const coalitionId = newId();
  const passwordHash = options.accounts ? await hashPassword(DEMO_PASSWORD) : null;
  let seeded = true;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (options.onlyIfEmpty) {
      const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(coalitions);
      if ((existing?.n ?? 0) > 0) {
        seeded = false;
        return;
      }
    }
    await tx.insert(coalitions).values({ id: coalitionId, ...laTech });
    const orgIds = new Map(organizations.map((o) => [o.key, newId()]));
    await tx.insert(organizationsTable).values(
      organizations.map((o) => ({
        coalitionId,
        id: orgIds.get(o.key)!,
        name: o.name,
        type: o.type,
        subtype: o.subtype,
        website: o.website,
        description: o.description,
      })),
    );
    for (const person of people) {
      let userId: string | null = null;
      if (person.account && passwordHash) {
        userId = newId();
        await tx.insert(users).values({ id: userId, email: person.account, name: person.name, passwordHash });
      }
      await tx.insert(peopleTable).values({
        coalitionId,
        id: newId(),
        userId,
        name: person.name,
        title: person.title,
        organizationId: orgIds.get(person.org)!,
        email: person.account ?? person.email ?? null,
        roles: person.roles,
      });
    }
    await seedLaborMarket(tx, coalitionId);
    await seedInformationExchange(tx, coalitionId);
    await seedInitiatives(tx, coalitionId, laTech.timeZone);
    await seedPipeline(tx, coalitionId, orgIds);
    await seedCoalitionBuilding(tx, coalitionId);
    await seedMetrics(tx, coalitionId, laTech.timeZone);
    await seedRecognition(tx, coalitionId, orgIds, laTech.timeZone);
    await seedMeetings(tx, coalitionId, laTech.timeZone);
  });
  return seeded ? coalitionId : null;
}
