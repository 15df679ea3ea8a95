import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';
import { webhookRetryDelayMs, webhookRetryUntil } from './webhook-retry.js';
import { webhookUrlProblem } from './webhook-url.js';

describe('webhookUrlProblem', () => {
  it.each([
    ['https://hooks.example.com/switchyard', false],
    ['https://hooks.example.com/switchyard', true],
    ['http://127.0.0.1:8080/hook', false],
    ['http://localhost:8080/hook', false],
    ['http://[::1]:8080/hook', false],
  ])('accepts %s (production: %s)', (url, isProduction) => {
    expect(webhookUrlProblem(url, { isProduction })).toBeUndefined();
  });

  it.each([
    ['not a url', false],
    ['ftp://hooks.example.com/', false],
    ['http://hooks.example.com/hook', false],
    ['http://127.0.0.1:8080/hook', true],
    ['https://user:pass@hooks.example.com/', false],
    ['https://10.0.0.5/hook', true],
    ['https://192.168.1.10/hook', true],
    ['https://172.20.0.1/hook', true],
    ['https://169.254.169.254/latest/meta-data', true],
    ['https://127.0.0.1/hook', true],
    ['https://[::1]/hook', true],
    ['https://[fd00::1]/hook', true],
    ['https://[::ffff:10.0.0.1]/hook', true],
    ['https://localhost/hook', true],
    ['https://db.internal/hook', true],
    ['https://intranet/hook', true],
  ])('refuses %s (production: %s)', (url, isProduction) => {
    expect(webhookUrlProblem(url, { isProduction })).toEqual(expect.any(String));
  });
});

describe('webhook signatures', () => {
  const at = new Date('2026-11-25T08:00:00Z');

  it('sign t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>"> that verifies with the same secret only', () => {
    const header = signWebhookBody('whsec_test', '{"a":1}', at);
    expect(header).toMatch(/^t=1795593600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('whsec_test', '{"a":1}', header, { now: at })).toBe(true);
    expect(verifyWebhookSignature('whsec_other', '{"a":1}', header, { now: at })).toBe(false);
    expect(verifyWebhookSignature('whsec_test', '{"a":2}', header, { now: at })).toBe(false);
  });

  it('refuses a signature older than the tolerance (a replay)', () => {
    const header = signWebhookBody('whsec_test', '{}', at);
    expect(verifyWebhookSignature('whsec_test', '{}', header, { now: new Date(at.getTime() + 301_000) })).toBe(false);
  });
});

describe('webhook retries', () => {
  it('wait 30 s × 2^(attempt − 1), at most an hour', () => {
    expect([1, 2, 3, 4, 8, 20].map(webhookRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });

  it('go on for 24 hours', () => {
    expect(webhookRetryUntil(new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });
});
