/**
 * The request transaction: everything one GraphQL request does runs in ONE transaction that acts
 * for one partner. The partner is set with `set_config('app.partner_id', id, true)` — the `true`
 * makes it transaction-local, so it can never leak to the next request that borrows the same
 * pooled connection. Row-level security policies read it with `current_setting('app.partner_id')`.
 *
 * Round trips: on PostgreSQL the BEGIN and the set_config travel as one simple-protocol query
 * (safe to inline: the id is a validated UUID), so a request costs its own queries + 2 statements
 * (setup and COMMIT). The setup is written together with the first statement and answered with
 * it, so only the COMMIT is a round trip of its own (see postgresTransaction). On PGlite,
 * `PGlite.transaction()` sends its own BEGIN, then the setup, then COMMIT (+3); that is
 * in-process, so the extra message costs microseconds, and PGlite's transaction mutex is what
 * serialises concurrent requests on its single connection.
 *
 * Savepoints: `fn` receives a Drizzle transaction; `tx.transaction(inner)` runs `inner` under a
 * SAVEPOINT and rolls only it back when it throws, which mutations use to undo a half-done change
 * while still committing its audit event and returning `userErrors`.
 */
import type { Writable } from 'node:stream';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { AppTransaction, Database } from './client.js';
import { relations } from './relations.js';
import { partnerTransactionSessionSql } from './row-level-security.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PartnerTransactionOptions<T> {
  /**
   * Decides, after `fn` returned, whether to commit. Returning false rolls back and still returns
   * the result (a mutation whose response carries errors must not leave half its writes behind).
   */
  shouldCommit?: (result: T) => boolean;
}

/**
 * The statements that open a request transaction for `partnerId`, as one string. The only place
 * that decides what a request transaction's session looks like: the partner, then the application
 * role, under which PostgreSQL's row-level security policies apply, and no JIT
 * (./row-level-security.ts).
 */
export function partnerTransactionSetupSql(partnerId: string): string {
  if (!UUID.test(partnerId)) throw new Error(`Refusing to act for a partner id that is not a UUID: ${JSON.stringify(partnerId)}`);
  return `SELECT set_config('app.partner_id', '${partnerId.toLowerCase()}', true); ${partnerTransactionSessionSql()}`;
}

export async function withPartnerTransaction<T>(
  database: Database,
  partnerId: string,
  fn: (tx: AppTransaction) => Promise<T>,
  options: PartnerTransactionOptions<T> = {},
): Promise<T> {
  const setup = partnerTransactionSetupSql(partnerId);
  return database.kind === 'postgres'
    ? postgresTransaction(database, setup, fn, options)
    : pgliteTransaction(database, setup, fn, options);
}

/**
 * Whether a request transaction's setup has succeeded once in this process. Until it has, each
 * request waits for its setup's answer before sending a statement. After, the setup is written
 * together with the first statement: see postgresTransaction.
 */
let setupProven = false;

async function postgresTransaction<T>(
  database: Extract<Database, { kind: 'postgres' }>,
  setup: string,
  fn: (tx: AppTransaction) => Promise<T>,
  { shouldCommit }: PartnerTransactionOptions<T>,
): Promise<T> {
  const client = await database.pool.connect();
  // The setup and the first statement in one write, and one answer to wait for: the pool's
  // connections pipeline (db/client.ts), so the statement goes out without waiting for the setup's
  // answer, and the socket holds the setup back until the statement joins it.
  //
  // Safe only because the statement cannot run outside the setup's transaction: PostgreSQL parses
  // the whole setup string before running any of it, and once BEGIN has run, a failure of
  // set_config or of the role change aborts the transaction, so the statement after it fails too.
  // What is left is a setup that does not parse, and the text is fixed but for a validated UUID:
  // once one setup has succeeded (setupProven), every one parses. Until then each waits.
  const held = setupProven ? holdWrites(client) : undefined;
  // Drizzle's own `db.transaction()` sends BEGIN alone; building the transaction on the client we
  // already opened saves that round trip while keeping Drizzle's savepoint-based nesting.
  const dialect = dialectOf(database);
  const statements = pipelined(client, held);
  const session = new NodePgSession(statements.client, dialect, relations);
  const tx = new NodePgTransaction(dialect, session, relations, undefined, false) as unknown as AppTransaction;
  // A connection whose BEGIN, COMMIT or ROLLBACK failed is in an unknown state: destroy it rather
  // than hand a half-open transaction to the next request.
  let broken: Error | undefined;
  // The pool stops listening for a client's errors while it is checked out. A connection the server
  // ends mid-request (a restart, pg_terminate_backend) then emits an 'error' nobody handles, which
  // takes the process down; the failing query rejects on its own, so just mark the client broken.
  const onConnectionError = (error: Error) => {
    broken ??= error;
  };
  client.on('error', onConnectionError);
  const control = async (text: string) => {
    try {
      await client.query(text);
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  };
  try {
    const opened = control(`BEGIN; ${setup}`);
    if (held) {
      // Awaited below, after the statements sent behind it.
      opened.catch(() => {});
    } else {
      await opened;
      setupProven = true;
    }
    let result: T;
    try {
      result = await fn(tx).finally(statements.close);
    } catch (error) {
      held?.release();
      // A setup that failed explains why the statements behind it failed.
      await opened;
      await control('ROLLBACK').catch(() => {});
      throw error;
    }
    held?.release();
    await opened;
    await control(shouldCommit && !shouldCommit(result) ? 'ROLLBACK' : 'COMMIT');
    return result;
  } finally {
    held?.release();
    client.removeListener('error', onConnectionError);
    client.release(broken);
  }
}

/** Holds the connection's writes in its socket until `release` (once; later calls do nothing). */
function holdWrites(client: pg.PoolClient): { release: () => void } {
  const { stream } = connectionOf(client);
  stream.cork();
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      stream.uncork();
    },
  };
}

async function pgliteTransaction<T>(
  database: Extract<Database, { kind: 'pglite' }>,
  setup: string,
  fn: (tx: AppTransaction) => Promise<T>,
  { shouldCommit }: PartnerTransactionOptions<T>,
): Promise<T> {
  const dialect = dialectOf(database);
  // Mirrors drizzle's PgliteSession.transaction, plus the setup statement in the same transaction.
  return database.pglite.transaction(async (pgliteTx) => {
    await pgliteTx.exec(setup);
    const session = new PgliteSession(pgliteTx, dialect, relations);
    const tx = new PgliteTransaction(dialect, session, relations, undefined, false) as unknown as AppTransaction;
    const result = await fn(tx);
    if (shouldCommit && !shouldCommit(result)) await pgliteTx.rollback();
    return result;
  });
}

/**
 * The transaction's client as Drizzle uses it, writing each statement as soon as it is issued: the
 * pool's connections pipeline, so statements issued together (a `Promise.all` of independent reads,
 * sibling resolvers) are answered after one wait rather than one each. PostgreSQL still runs them
 * one after another in the order they were issued, so each sees the effects and holds the locks of
 * those before it, as if it had waited; when one fails, the transaction is aborted and those after
 * it fail too. What is issued in one tick goes to the socket in one write. `held` (the setup) is let
 * go with the first statement.
 *
 * Once the transaction's work has settled (`close`), a statement still issued (a resolver left
 * running after its sibling failed the operation) is refused: the connection is about to commit,
 * then to serve another request.
 */
function pipelined(client: pg.PoolClient, held: { release: () => void } | undefined): { client: pg.PoolClient; close: () => void } {
  const { stream } = connectionOf(client);
  let open = true;
  let batching = false;
  const query = (...args: unknown[]) => {
    if (!open) return Promise.reject(new Error('A statement was issued after its request transaction had ended'));
    if (!batching) {
      // Uncorked once the microtasks queued now have run: statements issued together by a
      // `Promise.all` reach `query` in that drain, however many awaits each took to get here.
      batching = true;
      stream.cork();
      process.nextTick(() => {
        batching = false;
        stream.uncork();
      });
    }
    const sent = (client.query as (...queryArgs: unknown[]) => Promise<unknown>)(...args);
    held?.release();
    return sent;
  };
  return {
    client: new Proxy(client, { get: (target, key): unknown => (key === 'query' ? query : Reflect.get(target, key, target)) }),
    close: () => {
      open = false;
    },
  };
}

function connectionOf(client: pg.PoolClient): { stream: Writable } {
  return (client as unknown as { connection: { stream: Writable } }).connection;
}

/**
 * The dialect (SQL generation and the driver's codecs) of the root database. Drizzle keeps it on
 * the instance but does not type it as public; a transaction must reuse it to read values the way
 * the root database does.
 */
function dialectOf(database: Database): PgDialect {
  const dialect = (database.db as unknown as { dialect?: PgDialect }).dialect;
  if (!dialect) throw new Error('drizzle-orm no longer exposes the dialect on the database instance');
  return dialect;
}
