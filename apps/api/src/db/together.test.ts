import { describe, expect, it } from 'vitest';
import { together } from './together.js';

/** A driver error as Drizzle hands it on: the PostgreSQL error is its cause. */
function driverError(code: string, message: string): Error {
  return new Error(`Failed query: …`, { cause: Object.assign(new Error(message), { code }) });
}

describe('together', () => {
  it('answers each result in the order asked, values included', async () => {
    expect(await together([Promise.resolve(1), 'two', Promise.resolve([3])])).toEqual([1, 'two', [3]]);
  });

  it('fails only once every statement has been answered', async () => {
    let lateSettled = false;
    const late = new Promise((resolve) => setTimeout(resolve, 20)).then(() => {
      lateSettled = true;
    });
    await expect(together([Promise.reject(new Error('first')), late])).rejects.toThrow('first');
    expect(lateSettled).toBe(true);
  });

  it("throws a statement's own error, not the aborted-transaction errors of those sent behind it", async () => {
    const own = driverError('23505', 'duplicate key value violates unique constraint');
    const aborted = driverError('25P02', 'current transaction is aborted, commands ignored until end of transaction block');
    // Whatever order they are listed in.
    await expect(together([Promise.reject(aborted), Promise.reject(own), Promise.resolve(1)])).rejects.toBe(own);
    await expect(together([Promise.reject(aborted)])).rejects.toBe(aborted);
  });

  it('throws the first failure in the order listed when none is an aborted transaction', async () => {
    const first = new Error('refused');
    await expect(together([Promise.resolve(1), Promise.reject(first), Promise.reject(new Error('second'))])).rejects.toBe(first);
  });
});
