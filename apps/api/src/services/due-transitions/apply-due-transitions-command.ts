/**
 * `pnpm --filter @switchyard/api due-transitions [--now <ISO date-time>]`: applies every due
 * transition once (see ./apply-due-transitions.ts) on the configured database and prints the counts.
 * Without `--now` it uses the real clock; `--now` replays a moment (e.g. to catch up after an outage
 * or to demonstrate a term end). A scheduler (cron, a Kubernetes CronJob) runs it every few minutes;
 * several may overlap safely.
 */
import { parseArgs } from 'node:util';
import { createDatabase, databaseConfigFromEnv } from '../../db/client.js';
import { loadEnv } from '../../env.js';
import { applyDueTransitions } from './apply-due-transitions.js';

const { values } = parseArgs({ options: { now: { type: 'string' } } });
const now = values.now === undefined ? new Date() : new Date(values.now);
if (Number.isNaN(now.getTime())) {
  process.stderr.write(`--now must be an ISO date-time such as 2026-03-01T00:00:00Z, not ${JSON.stringify(values.now)}.\n`);
  process.exit(2);
}

const config = databaseConfigFromEnv(loadEnv());
const database = await createDatabase(config.kind === 'postgres' ? { ...config, applicationName: 'switchyard-due-transitions' } : config);
try {
  const counts = await applyDueTransitions(database, now);
  process.stdout.write(`Due transitions applied at ${now.toISOString()} (${database.kind}):\n${JSON.stringify(counts, null, 2)}\n`);
} finally {
  await database.close();
}
