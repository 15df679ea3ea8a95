/**
 * Counts what the API actually sends to the database, so tests and benchmarks can assert that a
 * page of 100 customers with their subscriptions costs the same number of queries as a page of 1.
 *
 * It counts at the driver, below Drizzle, so nothing escapes it: transaction control (BEGIN,
 * COMMIT, ROLLBACK, SAVEPOINT), `set_config`, migrations and raw `execute()` calls all count. The
 * unit is one query message sent to the server, i.e. one round trip: our combined
 * `BEGIN; SELECT set_config(...)` counts once on PostgreSQL, which is the point of combining it.
 */
export interface QueryCounter {
  /** Queries sent since creation or the last `reset()`. */
  readonly count: number;
  /** The text of each counted query, while `record` is on (off by default: it costs memory). */
  readonly recorded: readonly string[];
  record: boolean;
  reset(): void;
  /** Runs `fn` and returns its result with the number of queries sent meanwhile. */
  measure<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; recorded: string[] }>;
  /** Called by the drivers' instrumentation; not for application code. */
  increment(text: string): void;
}

export function createQueryCounter(): QueryCounter {
  let count = 0;
  let recorded: string[] = [];
  const counter: QueryCounter = {
    get count() {
      return count;
    },
    get recorded() {
      return recorded;
    },
    record: false,
    reset() {
      count = 0;
      recorded = [];
    },
    async measure(fn) {
      const before = count;
      const recordedBefore = recorded.length;
      const result = await fn();
      return { result, queries: count - before, recorded: recorded.slice(recordedBefore) };
    },
    increment(text) {
      count += 1;
      if (counter.record) recorded.push(text);
    },
  };
  return counter;
}
