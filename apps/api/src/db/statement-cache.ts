/**
 * Prepared statements per connection, without naming any of them in the code.
 *
 * Drizzle sends every query as an unnamed extended-protocol statement, so PostgreSQL parses,
 * analyses and plans it again on every request: for the API-key admission (a CTE that takes two
 * rate-limit buckets) that was 0.5 of its 0.7 ms of server time, and the same text arrives a few
 * hundred times a second. This cache gives each distinct text a name the first time a connection
 * sends it; `pg` then sends Parse only once per connection, and later requests send Bind/Execute
 * against the prepared statement, whose plan PostgreSQL caches (a generic plan once it is no
 * worse than the custom ones: `plan_cache_mode`).
 *
 * Bounded: at most `capacity` statements a connection, least recently used evicted with
 * `DEALLOCATE`. Names are never reused, so a DEALLOCATE that fails (sent inside a transaction
 * that has already failed) leaves one orphan statement on the server until the connection closes,
 * never a name clash.
 *
 * Off (`capacity` 0) for a pooler that cannot carry protocol-level prepared statements: PgBouncer
 * in transaction mode before 1.21, or without `max_prepared_statements` (ARCHITECTURE.md).
 */
import type pg from 'pg';

/** A query config as `pg` takes it: Drizzle passes `{ text, values, rowMode?, types? }`. */
interface QueryConfigLike {
  text: string;
  name?: string;
  values?: unknown[];
}

/** The part of `pg`'s connection the cache keeps in step with (parsedStatements is its own record). */
interface ConnectionInternals {
  parsedStatements: Record<string, string>;
}

export interface StatementCache {
  /** The config to send: the same object, or a copy with the statement's name. */
  named<T>(config: T): T;
}

/**
 * Per connection. The request path's statements are a bounded set of shapes (one per query shape
 * Pothos and the services build); the bound is for the rest (migrations, one-off job statements).
 */
export const DEFAULT_STATEMENT_CACHE_SIZE = 200;

let nextName = 0;

export function createStatementCache(client: pg.Client, capacity: number, send: (text: string) => Promise<unknown>): StatementCache {
  // Text → name, in least-recently-used-first order (a hit moves its entry to the end).
  const names = new Map<string, string>();
  return {
    named<T>(config: T): T {
      if (capacity <= 0 || !isNamable(config)) return config;
      const { text } = config;
      let name = names.get(text);
      if (name === undefined) {
        if (names.size >= capacity) evictOldest();
        nextName += 1;
        name = `sy_${nextName.toString(36)}`;
      } else {
        names.delete(text);
      }
      names.set(text, name);
      return { ...config, name };
    },
  };

  function evictOldest(): void {
    const oldest = names.entries().next().value;
    if (!oldest) return;
    const [text, name] = oldest;
    names.delete(text);
    // Only a statement the server confirmed (ParseComplete) exists there: deallocating one whose
    // Parse failed would fail too, and inside a transaction that error would abort it.
    const { parsedStatements } = (client as unknown as { connection: ConnectionInternals }).connection;
    if (!(name in parsedStatements)) return;
    delete parsedStatements[name];
    // Queued behind the query in flight, like any other; a failure only orphans the statement.
    send(`DEALLOCATE ${name}`).catch(() => {});
  }
}

function isNamable(config: unknown): config is QueryConfigLike {
  return (
    typeof config === 'object' &&
    config !== null &&
    'text' in config &&
    typeof config.text === 'string' &&
    !('name' in config && config.name) &&
    // A cursor or a streamed query (`submit`) manages its own portal.
    !('submit' in config)
  );
}
