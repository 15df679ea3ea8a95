/**
 * The statement cache (db/statement-cache.ts) on a real PostgreSQL connection: a repeated text is
 * prepared once and answered from the prepared statement, the cache stays within its capacity by
 * deallocating on the server, a statement that fails (or fails to parse) leaves the connection
 * usable, and size 0 prepares nothing. PGlite has no pool and no cache: PostgreSQL only.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './client.js';
import type { PostgresDatabase } from './client.js';
import { rawRows } from './raw-rows.js';
import { useTestDatabase } from '../test/database.js';

const testDatabase = useTestDatabase();
const opened: PostgresDatabase[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
});

/** A pool of one connection, so every statement below runs on the same server session. */
async function singleConnection(statementCacheSize?: number): Promise<PostgresDatabase> {
  const { database } = testDatabase;
  if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
  const url = String((database.pool.options as { connectionString?: string }).connectionString);
  const single = await createDatabase({ kind: 'postgres', url, maxConnections: 1, applicationName: 'switchyard-statement-cache-test', statementCacheSize });
  if (single.kind !== 'postgres') throw new Error('PostgreSQL only');
  opened.push(single);
  return single;
}

/** The session's prepared statements: name → text. */
async function preparedStatements(database: PostgresDatabase): Promise<Map<string, string>> {
  const rows = rawRows<{ name: string; statement: string }>(
    await database.db.execute(sql`select name, statement from pg_prepared_statements where name like 'sy\\_%'`),
  );
  return new Map(rows.map((row) => [row.name, row.statement]));
}

/** Drizzle wraps the driver's error ("Failed query: …"); the server's message is its cause. */
async function serverError(query: Promise<unknown>): Promise<string> {
  const error = await query.then(
    () => new Error('the statement succeeded'),
    (reason: unknown) => reason,
  );
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

const numbered = (n: number) => sql`select ${n}::int + 0 as n, ${`text ${n}`}::text as label`;

describe.skipIf(testDatabase.kind !== 'postgres')('statement cache (PostgreSQL)', () => {
  it('prepares a repeated statement once and answers every run from it', async () => {
    const database = await singleConnection();
    const lookup = (id: number) => database.db.execute(sql`select ${id}::int * 2 as doubled`);
    for (let id = 1; id <= 8; id += 1) {
      expect(rawRows<{ doubled: number }>(await lookup(id))).toEqual([{ doubled: id * 2 }]);
    }
    const runs = rawRows<{ name: string; runs: number }>(
      await database.db.execute(
        sql`select name, (generic_plans + custom_plans)::int as runs from pg_prepared_statements where statement like '%* 2 as doubled%' and statement not like '%pg_prepared_statements%'`,
      ),
    );
    // One statement, prepared once, executed eight times (from PostgreSQL's own plan counters).
    expect(runs).toEqual([{ name: expect.stringMatching(/^sy_/) as unknown, runs: 8 }]);
  });

  it('keeps at most its capacity, deallocating the least recently used on the server', async () => {
    const database = await singleConnection(3);
    for (const n of [1, 2, 3]) await database.db.execute(numbered(n));
    // Same text as 1, 2 and 3 (only the parameters differ): one statement, now the most recently used.
    await database.db.execute(numbered(1));
    let prepared = await preparedStatements(database);
    expect(prepared.size).toBe(2); // the numbered text and the catalogue query
    // Fill up with distinct texts: the oldest go, and the server forgets them too.
    for (let width = 1; width <= 5; width += 1) {
      const rows = rawRows<{ n: number }>(await database.db.execute(sql.raw(`select ${width} as n${'\u0020'.repeat(width)}`)));
      expect(rows).toEqual([{ n: width }]);
    }
    prepared = await preparedStatements(database);
    expect(prepared.size).toBeLessThanOrEqual(3);
    // Evicted texts still work: they are prepared again under a new name.
    expect(rawRows<{ n: number; label: string }>(await database.db.execute(numbered(7)))).toEqual([{ n: 7, label: 'text 7' }]);
    const names = [...(await preparedStatements(database)).keys()];
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves the connection usable after a statement fails to parse or to run', async () => {
    const database = await singleConnection();
    expect(await serverError(database.db.execute(sql`select ${1}::int from no_such_table`))).toMatch(/no_such_table/);
    expect(await serverError(database.db.execute(sql`select 1 / ${0}::int as n`))).toMatch(/division by zero/);
    // The same failing texts again (outside a transaction the pool replaces a connection whose query
    // failed; inside one it does not, which the next test covers): still the server's errors.
    expect(await serverError(database.db.execute(sql`select ${1}::int from no_such_table`))).toMatch(/no_such_table/);
    expect(await serverError(database.db.execute(sql`select 1 / ${0}::int as n`))).toMatch(/division by zero/);
    expect(rawRows<{ n: number }>(await database.db.execute(sql`select 1 / ${1}::int as n`))).toEqual([{ n: 1 }]);
    // Inside a transaction that fails, and after it.
    expect(
      await serverError(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select ${2}::int as n`);
          await tx.execute(sql`select 1 / ${0}::int as n`);
        }),
      ),
    ).toMatch(/division by zero/);
    expect(rawRows<{ n: number }>(await database.db.execute(sql`select ${2}::int as n`))).toEqual([{ n: 2 }]);
  });

  it('evicts a statement that never parsed without disturbing the transaction it happens in', async () => {
    const database = await singleConnection(4);
    // A transaction that fails: after the error, a new text's Parse is refused too, so that text
    // has a name here and no statement on the server. (`begin`, the failing text, the refused one
    // and `rollback` fill the cache.)
    expect(
      await serverError(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select 1 / ${0}::int as failing`).catch(() => undefined);
          await tx.execute(sql`select ${1}::int as never_parsed`);
        }),
      ),
    ).toMatch(/current transaction is aborted/);
    // The next transaction pushes both out while it is open; it must not be the worse for it.
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int as a`);
      await tx.execute(sql`select ${2}::int as b`);
      return rawRows<{ c: number }>(await tx.execute(sql`select ${3}::int as c`));
    });
    expect(rows).toEqual([{ c: 3 }]);
  });

  it('prepares nothing when its size is 0', async () => {
    const database = await singleConnection(0);
    for (let id = 1; id <= 3; id += 1) await database.db.execute(sql`select ${id}::int as id`);
    expect((await preparedStatements(database)).size).toBe(0);
  });
});
