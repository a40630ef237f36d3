import { z } from 'zod';
import { metricItemDto } from './metrics.contract.js';
import { tierSchema } from './recognition.contract.js';

/** What the public page shows: no personal data (organizations, counts and opportunities only). */
export const publicCoalitionQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const publicCoalitionDto = z.object({
  slug: z.string(),
  name: z.string(),
  region: z.string(),
  mission: z.string().nullable(),
  year: z.number().int(),
  /** The coalition's prioritized initiatives (its strategic priorities), in rank order. */
  priorities: z.array(z.object({ title: z.string(), category: z.string(), status: z.string() })),
  metrics: z.array(metricItemDto),
  recognizedPartners: z.array(z.object({ organizationName: z.string(), tier: tierSchema, year: z.number().int(), credentialUrl: z.string() })),
  openOpportunities: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), employerName: z.string(), startsOn: z.string().nullable(), location: z.string().nullable() })),
  /**
   * Public events: published workshops, project days and classroom events (opportunities of the
   * event kinds) that have not ended yet, soonest first. Hosts are organizations, never people.
   */
  publicEvents: z.array(
    z.object({ id: z.string(), title: z.string(), kind: z.string(), hostName: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), location: z.string().nullable(), modality: z.string() }),
  ),
  roadmap: z.object({ done: z.number().int(), inProgress: z.number().int(), total: z.number().int() }),
});
/** Opportunity kinds that are events (a day or a series of sessions), listed as the public page's events. */
export const publicEventKinds = ['soft_skill_wbl', 'hard_skill_wbl', 'classroom_engagement'] as const;
export type PublicCoalitionDto = z.infer<typeof publicCoalitionDto>;
