import { describe, expect, it, vi } from 'vitest';
import { shutDown } from './shutdown.js';
import { collectingLogger } from './test/log-lines.js';

describe('graceful shutdown', () => {
  it('runs the steps in order, each after the previous one finished, then exits 0', async () => {
    const { logger } = collectingLogger();
    const order: string[] = [];
    const exit = vi.fn();
    await shutDown(
      [
        { name: 'finishing in-flight work', run: () => new Promise((resolve) => setTimeout(() => resolve(order.push('work finished')), 20)) },
        { name: 'closing the database', run: () => Promise.resolve(order.push('database closed')) },
      ],
      { logger, timeoutMs: 1_000, exit },
    );
    expect(order).toEqual(['work finished', 'database closed']);
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('exits 1 when a step fails', async () => {
    const { logger, lines } = collectingLogger();
    const exit = vi.fn();
    await shutDown([{ name: 'closing the database', run: () => Promise.reject(new Error('already closed')) }], { logger, timeoutMs: 1_000, exit });
    expect(exit.mock.calls).toEqual([[1]]);
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'Shutdown failed', err: { message: 'already closed' } });
  });

  it('exits 1 after the timeout when work in flight never finishes', async () => {
    const { logger, lines } = collectingLogger();
    const exit = vi.fn();
    void shutDown([{ name: 'finishing in-flight work', run: () => new Promise(() => {}) }], { logger, timeoutMs: 50, exit });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'Shutdown did not finish within 50 ms: exiting anyway' });
  });
});
