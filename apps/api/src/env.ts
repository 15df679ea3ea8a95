/**
 * The API's configuration: the only module that reads `process.env`, validated once with zod so a
 * bad value stops the process at start-up with a clear message instead of failing a request later.
 *
 * Defaults are chosen for `npm start` on a developer machine: no DATABASE_URL means an in-process
 * PGlite database under `<repo>/.data/pglite` (git-ignored), and the server listens on `localhost`
 * only. Set HOST=0.0.0.0 explicitly in a container or behind a proxy; exposing the API on every
 * interface is a deployment decision, not a default.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_RATE_LIMITS } from './limits/rate-limit-policies.js';
import { DEFAULT_STATEMENT_CACHE_SIZE } from './db/statement-cache.js';

/** The repository root (apps/api/src → ../../..), for defaults that live beside the code. */
export const REPOSITORY_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** PostgreSQL connection string; absent (or empty) → PGlite. */
    DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), postgresUrl.optional()),
    /**
     * Prepared statements each PostgreSQL connection keeps (src/db/statement-cache.ts); 0 turns them
     * off, for PgBouncer in transaction mode before 1.21 or without max_prepared_statements.
     */
    DATABASE_STATEMENT_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_STATEMENT_CACHE_SIZE),
    /** PGlite data directory, or `memory://` for a throw-away database. */
    PGLITE_DIR: z.string().trim().min(1).default(resolve(REPOSITORY_ROOT, '.data/pglite')),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().trim().min(1).default('localhost'),
    /** How long a sign-in lasts. */
    SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
    /** Rate limits, requests a minute: per API key or signed-in user, per partner, per anonymous IP address. */
    RATE_LIMIT_ACTOR_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.actor.perMinute),
    RATE_LIMIT_PARTNER_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.partner.perMinute),
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.anonymous.perMinute),
    /** Where people reach the admin app; invitation links are built from it. Default: http://localhost:PORT. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
    /** JSON lines (for a log collector), or `time LEVEL message {fields}` (default on a terminal). */
    LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
    /** When set, GET /metrics needs `Authorization: Bearer <token>`; when not, it answers loopback callers only. */
    METRICS_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(16, 'must be at least 16 characters').optional()),
    /** Workers: serve /metrics on this port (on HOST); absent → no metrics endpoint in workers. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    /** How long SIGTERM/SIGINT waits for in-flight requests and jobs before the process exits anyway. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
    /** Background jobs in the API process (src/jobs/); set false when separate `worker` processes run them. */
    JOBS_ENABLED: z.enum(['true', 'false', '1', '0']).default('true'),
    DUE_TRANSITIONS_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
    /** How often outbox events become webhook deliveries, and due deliveries are sent. */
    OUTBOX_POLL_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(2),
    /**
     * How long work a worker claimed stays its own: a running pg-boss job (then it expires and
     * another worker retries it) and a webhook attempt being sent. A worker that dies mid-run has
     * its work taken over after this long. Well above the 5 s webhook timeout.
     */
    JOB_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  })
  .transform((raw) => ({
    nodeEnv: raw.NODE_ENV,
    isProduction: raw.NODE_ENV === 'production',
    databaseUrl: raw.DATABASE_URL,
    statementCacheSize: raw.DATABASE_STATEMENT_CACHE_SIZE,
    pgliteDir: raw.PGLITE_DIR,
    port: raw.PORT,
    host: raw.HOST,
    sessionTtlHours: raw.SESSION_TTL_HOURS,
    rateLimits: {
      actor: { perMinute: raw.RATE_LIMIT_ACTOR_PER_MINUTE },
      partner: { perMinute: raw.RATE_LIMIT_PARTNER_PER_MINUTE },
      anonymous: { perMinute: raw.RATE_LIMIT_ANONYMOUS_PER_MINUTE },
    },
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'warn' : 'info'),
    logFormat: raw.LOG_FORMAT ?? (process.stderr.isTTY ? 'pretty' : 'json'),
    metrics: { token: raw.METRICS_TOKEN, workerPort: raw.METRICS_PORT },
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    jobs: {
      isEnabled: raw.JOBS_ENABLED === 'true' || raw.JOBS_ENABLED === '1',
      dueTransitionsIntervalSeconds: raw.DUE_TRANSITIONS_INTERVAL_SECONDS,
      outboxPollIntervalSeconds: raw.OUTBOX_POLL_INTERVAL_SECONDS,
      leaseSeconds: raw.JOB_LEASE_SECONDS,
    },
  }));

export type Env = z.output<typeof envSchema>;

/** Parses an environment (the process's by default); throws one error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process's environment, parsed on first use. */
export function loadEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The admin database tests create their own databases from when nothing else is configured. */
export const DEFAULT_TEST_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Test-only inputs, read here so the rule "process.env only in env.ts" holds for the test harness
 * too: the PostgreSQL server to create test databases on, whether we run in CI (where an
 * unreachable PostgreSQL fails the run instead of skipping), and which database kind the current
 * vitest project runs against (set per project in vitest.config.ts).
 */
export function loadTestEnv(source: Record<string, string | undefined> = process.env) {
  return {
    adminDatabaseUrl: source.TEST_DATABASE_URL || source.DATABASE_URL || DEFAULT_TEST_ADMIN_URL,
    isCi: source.CI === 'true' || source.CI === '1',
    databaseKind: source.SWITCHYARD_TEST_DATABASE === 'postgres' ? ('postgres' as const) : ('pglite' as const),
  };
}

/** Tests that start real API and worker processes: this process's environment with `overrides` on top. */
export function childProcessEnv(overrides: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
