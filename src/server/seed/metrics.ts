import { paperTargets, type RoadmapStatus } from '../../shared/metrics.contract.js';
import type { Executor } from '../db/client.js';
import { metricTargets, roadmapProgress } from '../db/schema.js';
import { currentYear } from '../features/metrics/index.js';

/** The paper's illustrative targets for this year and last, and where la-tech stands on the roadmap. */
const roadmap: [string, RoadmapStatus, string | null][] = [
  ['phase-1', 'done', 'Members recruited, strategy session held, initiatives prioritized.'],
  ['phase-1.step-1', 'done', 'LA Community Partner Recognition Program criteria agreed with the LA Chamber; first round awarded.'],
  ['phase-1.step-2', 'done', 'Employers, colleges, K-12, intermediaries, funders and the Mayor’s office are members.'],
  ['phase-1.step-3', 'done', 'Strategy session ranked the initiatives; each has an owner and points of contact.'],
  ['phase-2', 'in_progress', null],
  ['phase-2.step-1', 'in_progress', 'Initiative action plans with tasks and milestones in the master plan.'],
  ['phase-2.step-2', 'in_progress', 'Regular coalition meetings with carried-over action items.'],
  ['phase-2.step-3', 'in_progress', 'Metrics against targets computed from placements, opportunities and pledges.'],
  ['rec-1', 'done', 'Recognition program running (see Recognition).'],
  ['rec-2', 'done', 'Decision makers from employers and institutions hold seats.'],
  ['rec-3', 'in_progress', 'Workshops, real-world projects, externships and internships under way.'],
  ['rec-4', 'done', 'Targets set for the calendar year (25, 25, 100, 500).'],
  ['rec-5', 'in_progress', 'Action plans with RACI, timelines and resource requirements.'],
  ['rec-6', 'in_progress', null],
  ['rec-7', 'in_progress', 'Master plan, costs and risks monitored by the Leadership Council.'],
];

export async function seedMetrics(tx: Executor, coalitionId: string, timeZone: string): Promise<void> {
  const year = currentYear(timeZone);
  const targets = Object.entries(paperTargets).flatMap(([key, target]) => [year - 1, year].map((y) => ({ coalitionId, year: y, key, target: target! })));
  await tx.insert(metricTargets).values(targets);
  await tx.insert(roadmapProgress).values(roadmap.map(([ref, status, evidence]) => ({ coalitionId, ref, status, evidence })));
}
