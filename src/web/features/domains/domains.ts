export type DomainKey =
  | 'laborMarket'
  | 'informationExchange'
  | 'talentPipeline'
  | 'initiatives'
  | 'meetings'
  | 'metrics'
  | 'coalitionBuilding';
