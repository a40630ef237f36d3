// The one schema drizzle-kit generates migrations from: every table of every room, re-exported.
export * from '../platform/auth/accounts.table.js';
export * from '../platform/ratelimit/ratelimit.table.js';
export * from '../platform/audit/audit.table.js';
export * from '../platform/mail/mail.table.js';
export * from '../features/coalitions/coalitions.table.js';
export * from '../features/organizations/organizations.table.js';
export * from '../features/people/people.table.js';
export * from '../platform/jobs/jobs.table.js';
export * from '../features/labor-market/labor-market.table.js';
