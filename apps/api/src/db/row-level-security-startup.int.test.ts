/**
 * The server refuses to start when partner transactions could bypass row-level security. Altering
 * the application role is cluster-wide on PostgreSQL (test databases share it), so this runs on
 * PGlite, whose in-memory cluster belongs to this file alone.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { schema } from '../schema/index.js';
import { startServer } from '../server.js';
import { useTestDatabase } from '../test/database.js';
import { APP_ROLE } from './row-level-security.js';

const testDatabase = useTestDatabase();

const start = () =>
  startServer({
    database: testDatabase.database,
    schema,
    logger: createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
    isProduction: false,
    sessionTtlHours: 1,
    publicUrl: 'http://localhost:4000',
  });

describe.runIf(testDatabase.kind === 'pglite')('the start-up check', () => {
  it('starts when the application role cannot bypass row-level security', async () => {
    const server = await start();
    await server.stop();
  });

  it('refuses to start when the application role has BYPASSRLS, and names the fix', async () => {
    const { db } = testDatabase.database;
    await db.execute(sql.raw(`ALTER ROLE ${APP_ROLE} BYPASSRLS`));
    try {
      await expect(start()).rejects.toThrow(/BYPASSRLS[\s\S]*NOBYPASSRLS/);
    } finally {
      await db.execute(sql.raw(`ALTER ROLE ${APP_ROLE} NOBYPASSRLS`));
    }
  });

  it('refuses to start when the application role is a superuser', async () => {
    const { db } = testDatabase.database;
    await db.execute(sql.raw(`ALTER ROLE ${APP_ROLE} SUPERUSER`));
    try {
      await expect(start()).rejects.toThrow(/superuser/);
    } finally {
      await db.execute(sql.raw(`ALTER ROLE ${APP_ROLE} NOSUPERUSER`));
    }
  });
});
