import { describe, expect, it } from 'vitest';
import { addToLogContext, createLogger, runWithLogContext } from './logger.js';
import { collectingLogger } from './test/log-lines.js';

describe('the logger', () => {
  it('writes JSON lines carrying the request id of the work in progress, however deep the call', async () => {
    const { logger, lines } = collectingLogger();
    const deepInAService = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('Claimed a batch', { count: 3 });
    };
    await runWithLogContext({ requestId: 'request-1' }, async () => {
      addToLogContext({ partnerId: 'partner-1' });
      await deepInAService();
    });
    logger.info('Outside any request');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'Claimed a batch', count: 3, requestId: 'request-1', partnerId: 'partner-1', pid: process.pid });
    expect(lines[0]?.time).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('keeps two concurrent requests’ ids apart', async () => {
    const { logger, lines } = collectingLogger();
    const handle = (requestId: string, delayMs: number) =>
      runWithLogContext({ requestId }, async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        logger.info(`done ${requestId}`);
      });
    await Promise.all([handle('slow', 20), handle('fast', 1)]);
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ['done fast', 'fast'],
      ['done slow', 'slow'],
    ]);
  });

  it('redacts credentials, cookies, passwords and secrets wherever they appear', () => {
    const { logger, text } = collectingLogger();
    logger.warn('Odd request', {
      headers: { authorization: 'Bearer sy_live_leak1', cookie: 'sy_session=leak2' },
      body: { email: 'a@example.com', password: 'leak3' },
      apiKey: 'sy_live_leak4',
      webhook: { subscription: { secret: 'leak5' } },
    });
    expect(text()).not.toMatch(/leak\d/);
    expect(text()).toContain('a@example.com');
    expect(text()).toContain('[redacted]');
  });

  it('logs an error with its message and stack, and nothing below its level', () => {
    const { logger, lines } = collectingLogger('warn');
    logger.info('Not written');
    logger.error('Job failed', new Error('connection reset'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'Job failed', err: { message: 'connection reset' } });
    expect((lines[0]?.err as { stack: string }).stack).toContain('Error: connection reset');
  });

  it('prints the same lines for a human with LOG_FORMAT=pretty', () => {
    const written: string[] = [];
    const logger = createLogger('info', { format: 'pretty', destination: { write: (text: string) => written.push(text) } });
    runWithLogContext({ requestId: 'request-9' }, () => logger.info('request', { status: 200 }));
    logger.error('Job failed', new Error('boom'));
    expect(written[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}request \{"requestId":"request-9","status":200\}\n$/);
    expect(written[1]).toMatch(/ERROR Job failed\n {2}Error: boom\n\s+at /);
  });
});
