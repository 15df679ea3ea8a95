/**
 * Opens the database: PostgreSQL through a `pg` pool when a URL is configured, otherwise PGlite
 * (PostgreSQL compiled to WebAssembly) in-process, in a directory or in memory. Both get the same
 * Drizzle schema and relations, the same migrations, and a query counter at the driver.
 *
 * Application code uses `database.db` for work outside a request (seed, jobs) and
 * `withPartnerTransaction` (./partner-transaction.ts) for everything done on a partner's behalf.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgAsyncDatabase, PgAsyncTransaction } from 'drizzle-orm/pg-core';
import type { PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgliteDatabase as DrizzlePgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import { relations } from './relations.js';
import type { Relations } from './relations.js';
import { createQueryCounter } from './query-counter.js';
import { createStatementCache, DEFAULT_STATEMENT_CACHE_SIZE } from './statement-cache.js';
import type { QueryCounter } from './query-counter.js';

/** The Drizzle database (or a transaction: a transaction is a database) every query goes through. */
export type AppDatabase = PgAsyncDatabase<PgQueryResultHKT, Relations>;
/** A transaction; `tx.transaction(fn)` inside it runs `fn` under a savepoint. */
export type AppTransaction = PgAsyncTransaction<PgQueryResultHKT, Relations>;

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      /** Pool size; the default suits a 2-core machine. */
      maxConnections?: number;
      applicationName?: string;
      /** Prepared statements kept per connection (db/statement-cache.ts); 0 turns them off. Default 200. */
      statementCacheSize?: number;
    }
  | {
      kind: 'pglite';
      /** A directory (created if missing) or `memory://`. */
      dataDir: string;
    };

interface DatabaseBase {
  /** The root Drizzle database: autocommit, no partner set. */
  readonly db: AppDatabase;
  readonly queryCounter: QueryCounter;
  /** Closes the pool or the PGlite instance; waits for running queries. */
  close(): Promise<void>;
}

export interface PostgresDatabase extends DatabaseBase {
  readonly kind: 'postgres';
  readonly db: NodePgDatabase<Relations> & AppDatabase;
  readonly pool: pg.Pool;
}

export interface PgliteEmbeddedDatabase extends DatabaseBase {
  readonly kind: 'pglite';
  readonly db: DrizzlePgliteDatabase<Relations> & AppDatabase;
  readonly pglite: PGlite;
}

export type Database = PostgresDatabase | PgliteEmbeddedDatabase;
export type DatabaseKind = Database['kind'];

/** Chooses PostgreSQL or PGlite from the environment's settings. */
export function databaseConfigFromEnv(env: { databaseUrl: string | undefined; statementCacheSize?: number; pgliteDir: string }): DatabaseConfig {
  return env.databaseUrl
    ? { kind: 'postgres', url: env.databaseUrl, statementCacheSize: env.statementCacheSize }
    : { kind: 'pglite', dataDir: env.pgliteDir };
}

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'postgres' ? createPostgresDatabase(config) : createPgliteDatabase(config);
}

function createPostgresDatabase(config: Extract<DatabaseConfig, { kind: 'postgres' }>): PostgresDatabase {
  const queryCounter = createQueryCounter();
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.maxConnections ?? 10,
    application_name: config.applicationName ?? 'switchyard-api',
    // A stuck statement or a transaction left open must not hold locks (and a pool slot) forever.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    // A query is written as soon as it is issued, not when the one before it has been answered: a
    // request transaction sends its setup and its first statement together (db/partner-transaction.ts).
    pipeline: true,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Count at the client, below Drizzle: pool.query() and transaction control go through here too.
  // The same hook names repeated statements so each connection prepares them once (db/statement-cache.ts).
  const statementCacheSize = config.statementCacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const statements = createStatementCache(client, statementCacheSize, (text) => counted(text) as Promise<unknown>);
    function counted(...args: unknown[]): unknown {
      queryCounter.increment(queryText(args[0]));
      return query(...args);
    }
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) =>
      counted(statements.named(config), ...rest);
  });
  const db = drizzleNodePostgres({ client: pool, relations }) as NodePgDatabase<Relations> & AppDatabase;
  return {
    kind: 'postgres',
    db,
    pool,
    queryCounter,
    close: () => pool.end(),
  };
}

async function createPgliteDatabase(config: Extract<DatabaseConfig, { kind: 'pglite' }>): Promise<PgliteEmbeddedDatabase> {
  const queryCounter = createQueryCounter();
  if (!config.dataDir.includes('://')) mkdirSync(config.dataDir, { recursive: true });
  const pglite = new PGlite(config.dataDir);
  await pglite.waitReady;
  instrumentPglite(pglite, queryCounter);
  const db = drizzlePglite({ client: pglite, relations }) as DrizzlePgliteDatabase<Relations> & AppDatabase;
  return {
    kind: 'pglite',
    db,
    pglite,
    queryCounter,
    close: () => pglite.close(),
  };
}

const PARSE_MESSAGE = 0x50; // 'P': extended protocol, one statement
const QUERY_MESSAGE = 0x51; // 'Q': simple protocol, BEGIN/COMMIT and multi-statement exec

/**
 * PGlite sends every query, including the BEGIN/COMMIT of its own `transaction()`, through
 * `execProtocolStream`; counting Parse and Query messages there counts each statement once.
 */
function instrumentPglite(pglite: PGlite, queryCounter: QueryCounter): void {
  const execProtocolStream = pglite.execProtocolStream.bind(pglite);
  pglite.execProtocolStream = (message, options) => {
    const type = message[0];
    if (type === PARSE_MESSAGE || type === QUERY_MESSAGE) {
      queryCounter.increment(queryCounter.record ? protocolMessageText(message) : '');
    }
    return execProtocolStream(message, options);
  };
}

const decoder = new TextDecoder();

/** The SQL text of a Parse (`P len name\0 text\0 …`) or Query (`Q len text\0`) message. */
function protocolMessageText(message: Uint8Array): string {
  let start = 5;
  if (message[0] === PARSE_MESSAGE) start = message.indexOf(0, start) + 1;
  const end = message.indexOf(0, start);
  return decoder.decode(message.subarray(start, end < 0 ? undefined : end));
}

function queryText(config: unknown): string {
  if (typeof config === 'string') return config;
  if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string') return config.text;
  return '';
}
