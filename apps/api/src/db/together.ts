/**
 * Statements of one transaction sent together and answered after one wait: the request
 * transaction pipelines (./partner-transaction.ts), so independent statements issued at once cost
 * one round trip instead of one each. PostgreSQL runs them one after another, in the order they
 * were issued, each seeing the changes and holding the locks of those before it.
 *
 * A statement is issued when its query builder's `execute()` is called, or a microtask after the
 * builder is awaited (it is a lazy thenable). Where the order matters (a lock before the reads it
 * protects), issue with `execute()`, in the order wanted.
 */
import { postgresErrorOf } from './postgres-error.js';

/**
 * Like `Promise.all`, but settles only once every statement has been answered, so nothing is still
 * running on the connection when a failure is handled (a savepoint rolled back, a refusal
 * reported). When some fail, the error thrown is the one that explains the others: a statement's
 * own, not the "current transaction is aborted" of those sent behind it.
 */
export async function together<T extends readonly unknown[] | []>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((failure) => !isInFailedTransaction(failure)) ?? failures[0];
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** SQLSTATE 25P02: the statement ran in a transaction an earlier statement had already failed. */
function isInFailedTransaction(error: unknown): boolean {
  return postgresErrorOf(error)?.code === '25P02';
}
