/**
 * `npm start` / `pnpm --filter @switchyard/api serve`: load the environment, open the database,
 * apply migrations, seed the demo world into an empty database (and only into an empty one),
 * then serve HTTP until SIGINT/SIGTERM, when in-flight requests and jobs finish before the database
 * closes (shutdown.ts). Logs are JSON lines on stderr (logger.ts); the banner goes to stdout.
 */
import { createDatabase, databaseConfigFromEnv } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { isDatabaseEmpty, seedDemoWorld } from './db/seed/demo-world.js';
import { loadEnv } from './env.js';
import { startJobRunner } from './jobs/job-runner.js';
import { createLogger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { schema } from './schema/index.js';
import { startServer } from './server.js';
import { shutDownOnSignals } from './shutdown.js';

const env = loadEnv();
const logger = createLogger(env.logLevel, { format: env.logFormat });
const database = await createDatabase(databaseConfigFromEnv(env));
logger.info(database.kind === 'postgres' ? 'Database: PostgreSQL' : `Database: PGlite (${env.pgliteDir})`);

await migrateDatabase(database);
if (await isDatabaseEmpty(database.db)) {
  logger.info('Empty database: seeding the demo world');
  await seedDemoWorld(database.db);
}

const metrics = createMetrics(database, { logger, process: 'api' });
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
  metrics,
  metricsToken: env.metrics.token,
});

// Background jobs (due transitions, webhooks) run here unless JOBS_ENABLED=false (then in `worker` processes).
const jobs = env.jobs.isEnabled ? await startJobRunner(database, { ...env.jobs, databaseUrl: env.databaseUrl, logger, metrics }) : undefined;

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
    `  Metrics     ${server.url}/metrics`,
    '',
    'Demo sign-ins (password: demo-password):',
    ...demoUsers.map((user) => `  ${user}`),
    'Demo API keys (GLOBAL_ADMIN): sy_demo_contoso_0001, sy_demo_tailspin_0001, sy_demo_fabrikam_0001, sy_demo_northwind_0001',
    '',
  ].join('\n'),
);

shutDownOnSignals(
  [
    {
      name: 'finishing in-flight requests and jobs',
      // Requests drain (Apollo's drain plugin) while running jobs finish; pg-boss gets most of the budget.
      run: () => Promise.all([server.stop(), jobs?.stop({ timeoutMs: env.shutdownTimeoutMs * 0.8 })]),
    },
    { name: 'closing the database', run: () => database.close() },
  ],
  { logger, timeoutMs: env.shutdownTimeoutMs },
);
