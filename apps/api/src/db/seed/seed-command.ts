/**
 * `pnpm --filter @switchyard/api seed -- …`: seeds the configured database (DATABASE_URL, else the
 * PGlite directory), after applying migrations.
 *
 *   --demo                          the demo world (domain.md §12); refuses a non-empty database
 *   --customers N                   a large world of N customers on top of the demo world
 *                                   (seeding the demo world first if the database is empty)
 *   --subscriptions-per-customer M  default 5
 *   --seed S                        random seed of the large world (default 1); use another one to
 *                                   add a second large world to the same database
 *   --allow-production              the large generator refuses NODE_ENV=production without it
 */
import { parseArgs } from 'node:util';
import { and, count, eq } from 'drizzle-orm';
import { loadEnv } from '../../env.js';
import { createDatabase, databaseConfigFromEnv } from '../client.js';
import type { Database } from '../client.js';
import { migrateDatabase } from '../migrate.js';
import * as schema from '../schema/index.js';
import { DEMO, isDatabaseEmpty, seedDemoWorld } from './demo-world.js';
import { analyzeLargeWorldTables, LargeWorldError, seedLargeWorld } from './large-world.js';

const USAGE = `Usage: pnpm --filter @switchyard/api seed -- [--demo] [--customers N] [--subscriptions-per-customer M] [--seed S] [--allow-production]`;

const say = (line = '') => process.stdout.write(`${line}\n`);

function parseCount(
  value: string | undefined,
  name: string,
  fallback: number,
  minimum: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < minimum)
    throw new UsageError(
      `--${name} must be a whole number of at least ${minimum} (got "${value}")`,
    );
  return parsed;
}

class UsageError extends Error {}

function describeTarget(
  database: Database,
  databaseUrl: string | undefined,
  pgliteDir: string,
): string {
  if (database.kind === 'pglite') return `PGlite at ${pgliteDir}`;
  // Never print the password.
  const url = new URL(databaseUrl ?? '');
  return `PostgreSQL ${url.host}${url.pathname}`;
}

async function main(): Promise<number> {
  let options;
  try {
    // pnpm passes a literal `--` through to the script; parseArgs would treat what follows as positionals.
    const { values } = parseArgs({
      args: process.argv.slice(2).filter((argument) => argument !== '--'),
      options: {
        demo: { type: 'boolean', default: false },
        customers: { type: 'string' },
        'subscriptions-per-customer': { type: 'string' },
        seed: { type: 'string' },
        'allow-production': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    if (values.help || (!values.demo && values.customers === undefined)) {
      say(USAGE);
      return values.help ? 0 : 2;
    }
    options = {
      demo: values.demo,
      customers:
        values.customers === undefined
          ? undefined
          : parseCount(values.customers, 'customers', 0, 1),
      subscriptionsPerCustomer: parseCount(
        values['subscriptions-per-customer'],
        'subscriptions-per-customer',
        5,
        1,
      ),
      seed: parseCount(values.seed, 'seed', 1, 0),
      allowProduction: values['allow-production'],
    };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }

  const env = loadEnv();
  if (options.customers !== undefined && env.isProduction && !options.allowProduction) {
    process.stderr.write(
      'Refusing to generate a large world with NODE_ENV=production (pass --allow-production if you mean it).\n',
    );
    return 1;
  }

  const database = await createDatabase(databaseConfigFromEnv(env));
  try {
    say(`Seeding ${describeTarget(database, env.databaseUrl, env.pgliteDir)}`);
    await migrateDatabase(database);

    if (options.demo || (options.customers !== undefined && (await isDatabaseEmpty(database.db)))) {
      const started = performance.now();
      const result = await seedDemoWorld(database.db);
      if (!result.isSeeded) {
        process.stderr.write(
          'Refusing to seed the demo world: the database is not empty (it already has partners).\n',
        );
        return 1;
      }
      const counts = Object.entries(result.counts).map(([table, rows]) => `${rows} ${table}`);
      say(`Demo world seeded in ${seconds(started)}: ${counts.join(', ')}.`);
      say(
        `  Sign in as ${Object.values(DEMO.users)
          .map((user) => user.email)
          .join(', ')} (password: ${DEMO.password}).`,
      );
      say(
        `  API keys: ${Object.values(DEMO.apiKeys)
          .filter((key) => !key.isRevoked)
          .map((key) => key.secret)
          .join(', ')}.`,
      );
    }

    if (options.customers !== undefined) {
      const total = options.customers;
      say(
        `Adding a large world: ${total} customers × ${options.subscriptionsPerCustomer} subscriptions (seed ${options.seed}), in one transaction…`,
      );
      const started = performance.now();
      let reported = 0;
      const counts = await seedLargeWorld(database.db, {
        customers: total,
        subscriptionsPerCustomer: options.subscriptionsPerCustomer,
        seed: options.seed,
        onProgress: ({ customers }) => {
          // Every ~10%: enough to see it move, not a line per chunk on small runs.
          if (customers === total || customers - reported >= total / 10) {
            reported = customers;
            say(`  ${customers}/${total} customers written (${seconds(started)})`);
          }
        },
      });
      const loaded = seconds(started);
      await analyzeLargeWorldTables(database.db);
      say(
        `Large world written in ${loaded} (+ ANALYZE: ${seconds(started)} in all): ${counts.customers} customers, ${counts.relationships} relationships, ${counts.subscriptions} subscriptions, ${counts.subscriptionServices} services, ${counts.transfers} transfers.`,
      );
      const [contoso] = await database.db
        .select({ customers: count() })
        .from(schema.relationships)
        .where(
          and(
            eq(schema.relationships.partnerId, DEMO.partners.contoso.id),
            eq(schema.relationships.status, 'ACTIVE'),
          ),
        );
      say(`  Contoso now has an active relationship with ${contoso?.customers ?? 0} customers.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof LargeWorldError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}

process.exitCode = await main();
