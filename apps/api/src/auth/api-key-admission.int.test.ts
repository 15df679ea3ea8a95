/**
 * An API key's lookup and rate-limit take in one statement (./api-key-admission.ts): the same actor
 * and partner row as the plain lookup, the same buckets as `rateLimitBuckets` names, nothing taken
 * for a wrong or revoked key, and one statement in all.
 */
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimitBuckets as bucketTable } from '../db/schema/index.js';
import { rateLimitBuckets } from '../limits/rate-limit.js';
import { createApiKey, createPartnerWithAdmin } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { admitApiKey } from './api-key-admission.js';
import { authenticateApiKey } from './authenticate.js';

const testDatabase = useTestDatabase();
const db = () => testDatabase.database.db;
const LIMITS = { actor: { perMinute: 2 }, partner: { perMinute: 10 }, anonymous: { perMinute: 2 } };

describe('admitApiKey', () => {
  it('finds the same actor and partner as the plain lookup, and takes a token from the key’s and the partner’s buckets', async () => {
    const { partner, apiKey } = await createPartnerWithAdmin(db());
    const expected = await authenticateApiKey(db(), apiKey.secret);

    const admitted = await admitApiKey(db(), apiKey.secret, LIMITS);

    expect(admitted?.authenticated).toEqual(expected);
    expect(admitted?.rateLimit).toMatchObject({ isAllowed: true, headers: { RateLimit: '"actor";r=1;t=30' } });
    const names = rateLimitBuckets(LIMITS, { actor: { type: 'apiKey', id: apiKey.id, partnerId: partner.id } }).map((bucket) => bucket.key);
    const rows = await db().select().from(bucketTable).where(inArray(bucketTable.key, names));
    expect(rows.map((row) => [row.key, Math.round(Number(row.tokens))]).sort()).toEqual(
      [
        [`apiKey:${apiKey.id}`, 1],
        [`partner:${partner.id}`, 9],
      ].sort(),
    );
  });

  it('refuses once the key’s bucket is empty, with the time to wait', async () => {
    const { apiKey } = await createPartnerWithAdmin(db());
    await admitApiKey(db(), apiKey.secret, LIMITS);
    await admitApiKey(db(), apiKey.secret, LIMITS);

    const third = await admitApiKey(db(), apiKey.secret, LIMITS);

    expect(third?.rateLimit.isAllowed).toBe(false);
    expect(third?.rateLimit.retryAfterSeconds).toBeGreaterThanOrEqual(30);
  });

  it('answers null for a wrong or revoked key, and takes nothing', async () => {
    const { partner } = await createPartnerWithAdmin(db());
    const revoked = await createApiKey(db(), { partnerId: partner.id, revoked: true });

    expect(await admitApiKey(db(), 'sy_test_not_a_key', LIMITS)).toBeNull();
    expect(await admitApiKey(db(), revoked.secret, LIMITS)).toBeNull();
    const rows = await db()
      .select()
      .from(bucketTable)
      .where(inArray(bucketTable.key, [`apiKey:${revoked.id}`, `partner:${partner.id}`]));
    expect(rows).toEqual([]);
  });

  it('is one statement (the key’s last use is recorded at most once a minute)', async () => {
    const { apiKey } = await createPartnerWithAdmin(db());
    await admitApiKey(db(), apiKey.secret, LIMITS);

    const { queries } = await testDatabase.database.queryCounter.measure(() => admitApiKey(db(), apiKey.secret, LIMITS));

    expect(queries).toBe(1);
  });
});
