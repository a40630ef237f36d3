import { defineConfig } from 'vitest/config';

// One config for both database legs: TB_TEST_DB=postgres (with TEST_DATABASE_URL) reruns every
// database test against a real server; scripts/test.mjs drives the legs.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
