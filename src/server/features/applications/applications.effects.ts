import { and, eq } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/applications.contract.js';
import type { Executor } from '../../db/client.js';
import { opportunities } from '../../db/schema.js';
import { recordWorkBasedEvidence } from '../students/index.js';
import type { ApplicationRow } from './applications.queries.js';
import { placements } from './applications.table.js';

/**
 * What a status change does besides the status: placing opens the placement record (hours,
 * supervisor, sign-off); completing or hiring makes the opportunity's skills evidence on the
 * student's record; hiring records the conversion (part-time or full-time) as the outcome.
 */
export async function applyStatusEffects(tx: Executor, coalitionId: string, application: ApplicationRow, to: ApplicationStatus, hireType: 'part_time' | 'full_time' | null): Promise<void> {
  if (to === 'placed') {
    const [opportunity] = await tx.select({ startsOn: opportunities.startsOn }).from(opportunities).where(and(eq(opportunities.coalitionId, coalitionId), eq(opportunities.id, application.opportunityId)));
    await tx.insert(placements).values({ coalitionId, applicationId: application.id, startedOn: opportunity?.startsOn ?? null }).onConflictDoNothing();
  }
  if (to === 'completed' || to === 'hired') {
    await recordWorkBasedEvidence(tx, coalitionId, application.studentId, application.id, application.opportunityId, application.opportunityTitle);
  }
  if (to === 'completed') {
    await tx.update(placements).set({ outcome: 'not_hired', updatedAt: new Date() }).where(and(eq(placements.coalitionId, coalitionId), eq(placements.applicationId, application.id)));
  }
  if (to === 'hired' && hireType) {
    const outcome = hireType === 'full_time' ? 'hired_full_time' : 'hired_part_time';
    await tx
      .insert(placements)
      .values({ coalitionId, applicationId: application.id, outcome })
      .onConflictDoUpdate({ target: [placements.coalitionId, placements.applicationId], set: { outcome, updatedAt: new Date() } });
  }
}
