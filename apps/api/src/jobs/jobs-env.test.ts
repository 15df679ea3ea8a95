import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.js';

describe('the jobs settings', () => {
  it('run the jobs in the API process by default: due transitions every minute, the outbox every 2 seconds, a minute’s lease', () => {
    expect(parseEnv({}).jobs).toEqual({ isEnabled: true, dueTransitionsIntervalSeconds: 60, outboxPollIntervalSeconds: 2, leaseSeconds: 60 });
  });

  it('refuses a lease too short for a webhook attempt to finish', () => {
    expect(parseEnv({ JOB_LEASE_SECONDS: '10' }).jobs.leaseSeconds).toBe(10);
    expect(() => parseEnv({ JOB_LEASE_SECONDS: '5' })).toThrow(/JOB_LEASE_SECONDS/);
  });

  it('can be turned off for API processes when workers run them', () => {
    expect(parseEnv({ JOBS_ENABLED: 'false' }).jobs.isEnabled).toBe(false);
    expect(parseEnv({ JOBS_ENABLED: '0', DUE_TRANSITIONS_INTERVAL_SECONDS: '300' }).jobs).toMatchObject({ isEnabled: false, dueTransitionsIntervalSeconds: 300 });
    expect(() => parseEnv({ JOBS_ENABLED: 'maybe' })).toThrow(/JOBS_ENABLED/);
  });
});
