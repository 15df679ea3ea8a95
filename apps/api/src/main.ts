/**
 * `npm start` / `pnpm --filter @switchyard/api serve`: load the environment, open the database,
 * apply migrations, seed the demo world into an empty database (and only into an empty one),
 * then serve HTTP until SIGINT/SIGTERM, when in-flight requests finish before the database closes.
 */
import { createDatabase, databaseConfigFromEnv } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { isDatabaseEmpty, seedDemoWorld } from './db/seed/demo-world.js';
import { loadEnv } from './env.js';
import { startJobRunner } from './jobs/job-runner.js';
import { createLogger } from './logger.js';
import { schema } from './schema/index.js';
import { startServer } from './server.js';

const env = loadEnv();
const logger = createLogger(env.logLevel);
const database = await createDatabase(databaseConfigFromEnv(env));
logger.info(database.kind === 'postgres' ? 'Database: PostgreSQL' : `Database: PGlite (${env.pgliteDir})`);

await migrateDatabase(database);
if (await isDatabaseEmpty(database.db)) {
  logger.info('Empty database: seeding the demo world');
  await seedDemoWorld(database.db);
}

const server = await startServer({
  database,
  schema,
  logger,
  host: env.host,
  port: env.port,
  isProduction: env.isProduction,
  sessionTtlHours: env.sessionTtlHours,
  publicUrl: env.publicUrl,
  rateLimits: env.rateLimits,
});

// Background jobs (due transitions, webhooks) run here unless JOBS_ENABLED=false (then in `worker` processes).
const jobs = env.jobs.isEnabled ? await startJobRunner(database, { ...env.jobs, databaseUrl: env.databaseUrl, logger }) : undefined;

const demoUsers = [
  'admin@contoso.example (GLOBAL_ADMIN)',
  'agent@contoso.example (ADMIN_AGENT)',
  'sales@contoso.example (SALES_AGENT)',
  'helpdesk@contoso.example (HELPDESK_AGENT)',
  'billing@contoso.example (BILLING_ADMIN)',
  'admin@tailspin.example, admin@fabrikam.example, admin@northwind.example (GLOBAL_ADMIN)',
];
process.stdout.write(
  [
    '',
    `Switchyard is running (${database.kind}).`,
    `  Admin app   ${server.url}/`,
    `  GraphQL     ${server.url}/graphql`,
    `  GraphiQL    ${server.url}/graphiql`,
    `  Health      ${server.url}/healthz`,
    '',
    'Demo sign-ins (password: demo-password):',
    ...demoUsers.map((user) => `  ${user}`),
    'Demo API keys (GLOBAL_ADMIN): sy_demo_contoso_0001, sy_demo_tailspin_0001, sy_demo_fabrikam_0001, sy_demo_northwind_0001',
    '',
  ].join('\n'),
);

let isStopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  logger.info(`${signal}: finishing in-flight requests`);
  try {
    await server.stop();
    await jobs?.stop();
    await database.close();
    process.exit(0);
  } catch (error) {
    logger.error('Shutdown failed', error);
    process.exit(1);
  }
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
