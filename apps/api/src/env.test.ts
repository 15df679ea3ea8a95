import { describe, expect, it } from 'vitest';
import { databaseConfigFromEnv } from './db/client.js';
import { parseEnv } from './env.js';

describe('parseEnv', () => {
  it('defaults to PGlite, localhost:4000 and a public URL on that port', () => {
    const env = parseEnv({});
    expect(env.databaseUrl).toBeUndefined();
    expect(env.pgliteDir).toMatch(/\.data[/\\]pglite$/);
    expect(env).toMatchObject({ host: 'localhost', port: 4000, publicUrl: 'http://localhost:4000', nodeEnv: 'development', isProduction: false });
  });

  it('derives the public URL from PORT and strips a trailing slash from PUBLIC_URL', () => {
    expect(parseEnv({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(parseEnv({ PUBLIC_URL: 'https://switchyard.example/' }).publicUrl).toBe('https://switchyard.example');
  });

  it('treats an empty DATABASE_URL as absent and accepts postgres URLs', () => {
    expect(parseEnv({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: 'postgres://u@h:5432/d' }).databaseUrl).toBe('postgres://u@h:5432/d');
  });

  it('reads the statement cache size (0 turns it off) and passes it to the PostgreSQL pool', () => {
    expect(parseEnv({}).statementCacheSize).toBe(200);
    expect(parseEnv({ DATABASE_STATEMENT_CACHE_SIZE: '0' }).statementCacheSize).toBe(0);
    expect(() => parseEnv({ DATABASE_STATEMENT_CACHE_SIZE: '-1' })).toThrow(/DATABASE_STATEMENT_CACHE_SIZE/);
    const env = parseEnv({ DATABASE_URL: 'postgres://u@h:5432/d', DATABASE_STATEMENT_CACHE_SIZE: '0' });
    expect(databaseConfigFromEnv(env)).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d', statementCacheSize: 0 });
  });

  it('reads the rate limits, with defaults', () => {
    expect(parseEnv({}).rateLimits).toEqual({ actor: { perMinute: 300 }, partner: { perMinute: 1200 }, anonymous: { perMinute: 60 } });
    expect(parseEnv({ RATE_LIMIT_PARTNER_PER_MINUTE: '50' }).rateLimits.partner).toEqual({ perMinute: 50 });
    expect(() => parseEnv({ RATE_LIMIT_ACTOR_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_ACTOR_PER_MINUTE/);
  });

  it('reads the operations settings: log format, metrics token and port, shutdown timeout', () => {
    expect(parseEnv({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(parseEnv({}).metrics).toEqual({ token: undefined, workerPort: undefined });
    expect(parseEnv({ METRICS_TOKEN: 'a-metrics-token-of-32-characters!', METRICS_PORT: '9464' }).metrics).toEqual({
      token: 'a-metrics-token-of-32-characters!',
      workerPort: 9464,
    });
    expect(parseEnv({ METRICS_TOKEN: '' }).metrics.token).toBeUndefined();
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(parseEnv({}).shutdownTimeoutMs).toBe(30_000);
    expect(parseEnv({ SHUTDOWN_TIMEOUT_SECONDS: '5' }).shutdownTimeoutMs).toBe(5_000);
    expect(() => parseEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('names every invalid variable', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
