import { loadConfig } from './env.js';
import { connectPostgres, startEmbedded, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { seedIfEmpty } from './seed/index.js';
import { startMaintenance } from './platform/maintenance.js';
import { startJobRunner } from './platform/jobs/jobs.js';

/** Start-up: config, database (embedded or server), migrations, demo seed, HTTP, graceful stop. */
async function main() {
  const config = loadConfig();
  const logger = { level: config.logLevel };
  let database: Database;
  if (config.databaseUrl) {
    database = connectPostgres(config.databaseUrl);
  } else {
    database = await startEmbedded(config.dataDir);
  }
  await runMigrations(database);
  const seeded = await seedIfEmpty(database, config);

  const app = await buildApp({ config, database, logger, serveWeb: true });
  const stopMaintenance = startMaintenance(database, app.log);
  const jobRunner = startJobRunner(app.services, app.log);
  app.services.jobRunner = jobRunner;
  if (seeded) app.log.info(`seeded the demo coalition la-tech${seeded.accounts ? ' with its demo accounts (password coalition-demo)' : ''}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      stopMaintenance();
      await app.close();
      await jobRunner.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`TalentBridge at http://localhost:${config.port} (database: ${database.mode})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
