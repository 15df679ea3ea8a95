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
import { startMetricsServer } from '../observability/metrics-endpoint.js';
import { createMetrics } from '../observability/metrics.js';
import { shutDownOnSignals } from '../shutdown.js';
import { startJobRunner } from './job-runner.js';

const env = loadEnv();
const logger = createLogger(env.logLevel, { format: env.logFormat });
if (!env.databaseUrl) {
  logger.error('The worker needs DATABASE_URL (PostgreSQL). With PGlite, the API process runs the jobs itself.');
  process.exit(1);
}
const database = await createDatabase(databaseConfigFromEnv(env));
const metrics = createMetrics(database, { logger, process: 'worker' });
const jobs = await startJobRunner(database, { ...env.jobs, databaseUrl: env.databaseUrl, logger, metrics });
// Prometheus scrapes a worker on METRICS_PORT (same access rule as the API's /metrics).
const metricsServer =
  env.metrics.workerPort === undefined ? undefined : await startMetricsServer(metrics.registry, { host: env.host, port: env.metrics.workerPort, token: env.metrics.token });
logger.info('Worker started: due transitions, outbox dispatch, webhook deliveries', metricsServer ? { metrics: metricsServer.url } : undefined);

shutDownOnSignals(
  [
    { name: 'finishing running jobs', run: () => Promise.all([jobs.stop({ timeoutMs: env.shutdownTimeoutMs * 0.8 }), metricsServer?.close()]) },
    { name: 'closing the database', run: () => database.close() },
  ],
  { logger, timeoutMs: env.shutdownTimeoutMs },
);
