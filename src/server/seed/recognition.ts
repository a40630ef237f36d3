import { defaultProgram } from '../../shared/recognition.contract.js';
import type { Executor } from '../db/client.js';
import { recognitionAwards, recognitionNominations, recognitionPrograms, recognitionRounds } from '../db/schema.js';
import { newId } from '../platform/auth/secrets.js';
import { currentYear } from '../features/metrics/index.js';
import { candidateValues } from '../features/recognition/recognition.queries.js';
import { scoreOf } from '../features/recognition/recognition.scoring.js';

/**
 * The LA Community Partner Recognition Program (Recommendation #1, with the LA Chamber) and last
 * year's round, closed and endorsed by the Mayor's office, so the pages are never empty. Scores are
 * computed from the records as they stand; where one reaches no tier, the committee's decision
 * (bronze, founding partner) is recorded as such in the note.
 */
export async function seedRecognition(tx: Executor, coalitionId: string, orgIds: Map<string, string>, timeZone: string): Promise<void> {
  const config = { ...defaultProgram('LA'), name: 'LA Community Partner Recognition Program' };
  await tx.insert(recognitionPrograms).values({ coalitionId, config });
  const year = currentYear(timeZone) - 1;
  const roundId = newId();
  const issuedAt = new Date(`${year}-12-15T18:00:00Z`);
  await tx.insert(recognitionRounds).values({ coalitionId, id: roundId, year, status: 'closed', openedAt: new Date(`${year}-11-01T17:00:00Z`), closedAt: issuedAt, endorsedByOrganizationId: orgIds.get('mayor') ?? null, endorsedAt: issuedAt });
  const scores = (await candidateValues(tx, { coalitionId, year, timeZone })).map((c) => scoreOf(config, c));
  for (const key of ['aws', 'snap', 'smc', 'pierce']) {
    const score = scores.find((s) => s.organizationId === orgIds.get(key));
    if (!score) continue;
    const nominationId = newId();
    const tier = score.tier ?? 'bronze';
    const note = score.tier ? null : 'Founding partner: approved at bronze by the review committee.';
    await tx.insert(recognitionNominations).values({ coalitionId, id: nominationId, roundId, organizationId: score.organizationId, score: score.score, suggestedTier: score.tier, status: 'approved', tier, note, decidedAt: issuedAt, createdAt: new Date(`${year}-11-10T17:00:00Z`) });
    await tx.insert(recognitionAwards).values({ coalitionId, id: newId(), nominationId, organizationId: score.organizationId, tier, year, issuedAt });
  }
}
