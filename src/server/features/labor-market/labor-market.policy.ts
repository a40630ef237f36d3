import { anyMember, definePolicy, hasRole } from '../../platform/permissions.js';

export const laborMarketPolicy = definePolicy({
  'laborMarket.read': anyMember,
  // Reference and projection imports change what every page shows: the Coordinator's call.
  'laborMarket.import': hasRole('coordinator'),
});
