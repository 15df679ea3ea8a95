/**
 * Test databases. Integration tests (`*.int.test.ts`) run twice, in the vitest projects `pglite`
 * and `postgres` (vitest.config.ts): on an in-memory PGlite, and on a PostgreSQL database of their
 * own, created for the test file from the server's `postgres` database and dropped afterwards, so
 * files run in parallel without seeing each other's rows. Both are migrated with the committed
 * migrations.
 *
 *   const testDatabase = useTestDatabase();          // at the top of a test file
 *   it('…', async () => { testDatabase.database.db.query.partners.findMany() … });
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase } from '../db/client.js';
import type { Database, DatabaseKind } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { loadTestEnv } from '../env.js';

export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly database: Database;
  dispose(): Promise<void>;
}

/** The database kind of the running vitest project. */
export function testDatabaseKind(): DatabaseKind {
  return loadTestEnv().databaseKind;
}

export async function createTestDatabase(kind: DatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await createDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await migrateDatabase(database);
    database.queryCounter.reset();
    return { kind, database, dispose: () => database.close() };
  }

  const adminUrl = loadTestEnv().adminDatabaseUrl;
  const name = `sy_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Migrated through a pool of its own: the tests' pool starts with no prepared statements, so no
  // connection of it evicts a migration's (DEALLOCATE) while a test watches what it sends.
  // Two connections: the migrator holds an advisory lock on one while it works through the other (db/migrate.ts).
  const migrating = await createDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 2, applicationName: 'switchyard-test-migrate' });
  try {
    await migrateDatabase(migrating);
  } catch (error) {
    await migrating.close();
    await dropDatabase(adminUrl, name);
    throw error;
  }
  await migrating.close();
  const database = await createDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 5, applicationName: 'switchyard-test' });
  return {
    kind,
    database,
    dispose: async () => {
      await database.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

/** Creates the file's database before its tests and drops it after. Read `.database` inside tests. */
export function useTestDatabase(): { readonly database: Database; readonly kind: DatabaseKind } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await current?.dispose();
  });
  return {
    get database() {
      if (!current) throw new Error('useTestDatabase(): the database exists only inside tests and hooks');
      return current.database;
    },
    get kind() {
      return current?.kind ?? testDatabaseKind();
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

