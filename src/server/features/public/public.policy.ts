import { anyone, definePolicy } from '../../platform/permissions.js';

export const publicPolicy = definePolicy({
  // The public page and annual report: anyone, signed in or not (aggregates and organizations only).
  'public.coalition': anyone,
});
