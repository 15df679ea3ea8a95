/**
 * `pnpm worker`: a process that runs only the background jobs (due transitions, outbox dispatch,
 * webhook deliveries), for when the API is scaled out — run API processes with JOBS_ENABLED=false
 * and as many workers as needed; pg-boss shares the jobs between them. PostgreSQL only (PGlite is
 * one in-process database: there the API runs the jobs itself). It does not migrate: start the API
 * (or `pnpm --filter @switchyard/api migrate`) first.
 */
import { createDatabase, databaseConfigFromEnv } from '../db/client.js';
import { loadEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { startJobRunner } from './job-runner.js';

const env = loadEnv();
const logger = createLogger(env.logLevel);
if (!env.databaseUrl) {
  logger.error('The worker needs DATABASE_URL (PostgreSQL). With PGlite, the API process runs the jobs itself.');
  process.exit(1);
}
const database = await createDatabase(databaseConfigFromEnv(env));
const jobs = await startJobRunner(database, { ...env.jobs, databaseUrl: env.databaseUrl, logger });
logger.info('Worker started: due transitions, outbox dispatch, webhook deliveries');

let isStopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  logger.info(`${signal}: finishing running jobs`);
  try {
    await jobs.stop();
    await database.close();
    process.exit(0);
  } catch (error) {
    logger.error('Shutdown failed', error);
    process.exit(1);
  }
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
