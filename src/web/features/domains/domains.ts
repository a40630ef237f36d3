export type DomainKey =
  | 'laborMarket'
  | 'informationExchange'
  | 'talentPipeline'
  | 'initiatives'
  | 'meetings'
  | 'metrics'
  | 'coalitionBuilding';

/** Areas that have their pages: listed without "Soon" in the navigation and on the dashboard. */
export const LIVE_DOMAINS: ReadonlySet<DomainKey> = new Set<DomainKey>(['laborMarket', 'talentPipeline', 'informationExchange', 'initiatives', 'coalitionBuilding', 'metrics', 'meetings']);
