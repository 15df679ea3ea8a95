/**
 * Rate limits over HTTP: per API key (or user), per partner and per anonymous address, kept in
 * PostgreSQL so that two server instances share them; the headers; 429 RATE_LIMITED with
 * Retry-After; the limiter's single statement and nothing else before a refusal.
 */
import { eq, like, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimitBuckets } from '../db/schema/index.js';
import { createApiKey, createPartnerWithAdmin } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { bearer, useTestServer } from '../test/http.js';

const testDatabase = useTestDatabase();
const LIMITS = { actor: { perMinute: 3 }, partner: { perMinute: 5 }, anonymous: { perMinute: 2 } };
const server = useTestServer(testDatabase, { rateLimits: LIMITS });
// A second instance on the same database: the buckets are in PostgreSQL, not in a process.
const otherInstance = useTestServer(testDatabase, { rateLimits: LIMITS });

const VIEWER = '{ viewer { role } }';

describe('the rate limit', () => {
  it('lets an API key through up to its limit, with the headers, then refuses it with 429 RATE_LIMITED and Retry-After', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const remaining: (string | null)[] = [];
    for (let request = 0; request < 3; request += 1) {
      const response = await server.graphql(VIEWER, { headers: bearer(apiKey.secret) });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-policy')).toBe('"actor";q=3;w=60, "partner";q=5;w=60');
      remaining.push(response.headers.get('ratelimit'));
    }
    expect(remaining.map((header) => /r=(\d+)/.exec(header ?? '')?.[1])).toEqual(['2', '1', '0']);

    const refused = await server.graphql(VIEWER, { headers: bearer(apiKey.secret) });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(20);
    expect(refused.headers.get('ratelimit')).toMatch(/^"actor";r=0;t=\d+$/);
  });

  it('holds per partner across its keys, and not for other partners', async () => {
    const { partner, apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const second = await createApiKey(testDatabase.database.db, { partnerId: partner.id });
    const statuses: number[] = [];
    for (const key of [apiKey, apiKey, apiKey, second, second, second])
      statuses.push((await server.graphql(VIEWER, { headers: bearer(key.secret) })).status);
    // 3 on the first key (its own limit), 2 on the second: the partner's 5 are used up.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const stranger = await createPartnerWithAdmin(testDatabase.database.db);
    expect((await server.graphql(VIEWER, { headers: bearer(stranger.apiKey.secret) })).status).toBe(
      200,
    );
  });

  it('is shared by every instance of the server', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    for (let request = 0; request < 3; request += 1)
      expect((await server.graphql(VIEWER, { headers: bearer(apiKey.secret) })).status).toBe(200);
    expect((await otherInstance.graphql(VIEWER, { headers: bearer(apiKey.secret) })).status).toBe(
      429,
    );
  });

  it('refills with time', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    for (let request = 0; request < 4; request += 1)
      await server.graphql(VIEWER, { headers: bearer(apiKey.secret) });
    expect((await server.graphql(VIEWER, { headers: bearer(apiKey.secret) })).status).toBe(429);
    // A minute passes (for the buckets of this key and its partner).
    await testDatabase.database.db
      .update(rateLimitBuckets)
      .set({ refilledAt: sql`${rateLimitBuckets.refilledAt} - interval '1 minute'` })
      .where(like(rateLimitBuckets.key, `%${apiKey.id}%`));
    await testDatabase.database.db
      .update(rateLimitBuckets)
      .set({ refilledAt: sql`${rateLimitBuckets.refilledAt} - interval '1 minute'` })
      .where(eq(rateLimitBuckets.key, `partner:${apiKey.partnerId}`));
    expect((await server.graphql(VIEWER, { headers: bearer(apiKey.secret) })).status).toBe(200);
  });

  it('limits requests without credentials per address', async () => {
    await testDatabase.database.db
      .delete(rateLimitBuckets)
      .where(like(rateLimitBuckets.key, 'ip:%'));
    const statuses: number[] = [];
    for (let request = 0; request < 3; request += 1)
      statuses.push((await server.graphql('{ __typename }')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts the clients of a reverse proxy on this machine by the address it forwards', async () => {
    await testDatabase.database.db
      .delete(rateLimitBuckets)
      .where(like(rateLimitBuckets.key, 'ip:%'));
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    const statuses: number[] = [];
    for (let request = 0; request < 3; request += 1)
      statuses.push((await server.graphql('{ __typename }', from('198.51.100.7'))).status);
    statuses.push((await server.graphql('{ __typename }', from('198.51.100.8'))).status);
    expect(statuses).toEqual([200, 200, 429, 200]);
    const keys = await testDatabase.database.db
      .select({ key: rateLimitBuckets.key })
      .from(rateLimitBuckets)
      .where(like(rateLimitBuckets.key, 'ip:%'));
    expect(keys.map(({ key }) => key).sort()).toEqual(['ip:198.51.100.7', 'ip:198.51.100.8']);
  });

  it('refuses with the limiter’s one statement after the credential lookup, and opens no transaction', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    for (let request = 0; request < 3; request += 1)
      await server.graphql(VIEWER, { headers: bearer(apiKey.secret) });
    const { database } = testDatabase;
    database.queryCounter.record = true;
    const { result, recorded } = await database.queryCounter.measure(() =>
      server.graphql(VIEWER, { headers: bearer(apiKey.secret) }),
    );
    database.queryCounter.record = false;
    expect(result.status).toBe(429);
    expect(recorded.filter((text) => /rate_limit_buckets/.test(text))).toHaveLength(1);
    expect(recorded.some((text) => /^\s*BEGIN/i.test(text))).toBe(false);
    expect(recorded.length).toBeLessThanOrEqual(3);
  });
});
