import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.js';

describe('the jobs settings', () => {
  it('run the jobs in the API process by default: due transitions every minute, the outbox every 2 seconds', () => {
    expect(parseEnv({}).jobs).toEqual({ isEnabled: true, dueTransitionsIntervalSeconds: 60, outboxPollIntervalSeconds: 2 });
  });

  it('can be turned off for API processes when workers run them', () => {
    expect(parseEnv({ JOBS_ENABLED: 'false' }).jobs.isEnabled).toBe(false);
    expect(parseEnv({ JOBS_ENABLED: '0', DUE_TRANSITIONS_INTERVAL_SECONDS: '300' }).jobs).toMatchObject({ isEnabled: false, dueTransitionsIntervalSeconds: 300 });
    expect(() => parseEnv({ JOBS_ENABLED: 'maybe' })).toThrow(/JOBS_ENABLED/);
  });
});
