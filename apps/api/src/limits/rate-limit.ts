/**
 * Rate limiting with token buckets kept in PostgreSQL (`rate_limit_buckets`), so that a limit holds
 * across every API instance. A request takes one token from each of its buckets — the actor's (its
 * API key or signed-in user) and its partner's; a request without credentials, from its IP
 * address's — in ONE statement on the root connection, before the request transaction opens. A
 * bucket refills continuously at `perMinute / 60` tokens a second up to `perMinute` (the burst).
 *
 * The bucket update commits asynchronously (see takeRateLimitTokens): the buckets are shared
 * state on the hottest path, not records worth an fsync each.
 *
 * A refused request still takes its token (down to a debt of one), so a client that keeps hammering
 * stays refused until it slows down. The answer carries the IETF draft headers
 * (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` lists the policies, `RateLimit` the
 * tightest bucket's remaining tokens (`r`) and seconds until it is full again (`t`); a refusal is
 * HTTP 429 with `Retry-After` and the code RATE_LIMITED.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';
import type { RateLimitSettings } from './rate-limit-policies.js';
import { rawRows } from '../db/raw-rows.js';

export { DEFAULT_RATE_LIMITS } from './rate-limit-policies.js';
export type { RateLimitPolicy, RateLimitSettings } from './rate-limit-policies.js';

export interface RateLimitBucket {
  /** The policy's name in the headers: `actor`, `partner` or `anonymous`. */
  policy: keyof RateLimitSettings;
  /** e.g. `apiKey:<id>`, `partner:<id>`, `ip:<address>`. */
  key: string;
  perMinute: number;
}

export interface RateLimitDecision {
  isAllowed: boolean;
  /** Seconds to wait before retrying (refused requests only). */
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

/** The buckets a request takes from: its actor's and its partner's, or its address's. */
export function rateLimitBuckets(
  settings: RateLimitSettings,
  who:
    | { actor: { type: 'user' | 'apiKey'; id: string; partnerId: string } }
    | { ipAddress: string | undefined },
): RateLimitBucket[] {
  if ('actor' in who) {
    return [
      {
        policy: 'actor',
        key: `${who.actor.type}:${who.actor.id}`,
        perMinute: settings.actor.perMinute,
      },
      {
        policy: 'partner',
        key: `partner:${who.actor.partnerId}`,
        perMinute: settings.partner.perMinute,
      },
    ];
  }
  return [
    {
      policy: 'anonymous',
      key: `ip:${who.ipAddress ?? 'unknown'}`,
      perMinute: settings.anonymous.perMinute,
    },
  ];
}

/** What a refused request is told (HTTP 429 and the WebSocket alike). */
export function rateLimitedMessage(retryAfterSeconds: number): string {
  return `Too many requests: try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`;
}

/**
 * The statement that takes one token from each bucket of `input`, a relation of
 * `(key, capacity, rate)` rows (a VALUES list, or a CTE's name), creating buckets on first use (full,
 * minus this request). It returns `(key, tokens)` for each bucket.
 *
 * `relaxed` turns synchronous commit off for the statement's own (implicit) transaction: its commit
 * then returns without waiting for the WAL flush, and so releases the bucket rows at once. Every
 * request of one key or partner updates the same rows, so with a flush per commit they would queue
 * behind each other's fsync (~2.5 ms each: a ceiling of ~400 requests a second per key). What a
 * crash can lose is the last few milliseconds of token takes, which only lets a client a few
 * requests more; the setting is transaction-local, so it ends with the statement.
 */
export function takeTokensSql(input: SQL): SQL {
  return sql`
    INSERT INTO rate_limit_buckets AS bucket (key, tokens, refilled_at)
    SELECT input.key, input.capacity - 1, clock_timestamp()
      FROM ${input} AS input(key, capacity, rate),
           (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed
    ON CONFLICT (key) DO UPDATE SET
      tokens = (
        SELECT greatest(-1, least(input.capacity, bucket.tokens + greatest(0, extract(epoch FROM clock_timestamp() - bucket.refilled_at)) * input.rate) - 1)
          FROM ${input} AS input(key, capacity, rate)
         WHERE input.key = bucket.key
      ),
      refilled_at = clock_timestamp()
    RETURNING bucket.key, bucket.tokens`;
}

/** Takes one token from each bucket, in one statement; creates buckets on first use (full, minus this request). */
export async function takeRateLimitTokens(
  db: AppDatabase,
  buckets: readonly RateLimitBucket[],
): Promise<RateLimitDecision> {
  // A VALUES list rather than array parameters: the same SQL on node-postgres and PGlite.
  const input = sql`(VALUES ${sql.join(
    buckets.map(
      (bucket) =>
        sql`(${bucket.key}::text, ${bucket.perMinute}::float8, ${bucket.perMinute / 60}::float8)`,
    ),
    sql`, `,
  )})`;
  return rateLimitDecision(buckets, rawRows<{ key: string; tokens: number }>(await db.execute(takeTokensSql(input))));
}

/** What the buckets' token counts after this request's take mean for it: allowed or not, and the headers. */
export function rateLimitDecision(
  buckets: readonly RateLimitBucket[],
  rows: readonly { key: string; tokens: number | string }[],
): RateLimitDecision {
  const tokensByKey = new Map(rows.map((row) => [row.key, Number(row.tokens)]));
  let isAllowed = true;
  let retryAfterSeconds = 0;
  let tightest: { bucket: RateLimitBucket; remaining: number; resetSeconds: number } | undefined;
  for (const bucket of buckets) {
    const tokens = tokensByKey.get(bucket.key) ?? 0;
    const rate = bucket.perMinute / 60;
    const remaining = Math.max(0, Math.floor(tokens));
    if (tokens < 0) {
      isAllowed = false;
      // The next request takes a token: it needs the bucket back at one or more.
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((1 - tokens) / rate));
    }
    const resetSeconds = Math.ceil((bucket.perMinute - Math.max(tokens, -1)) / rate);
    if (!tightest || remaining < tightest.remaining) tightest = { bucket, remaining, resetSeconds };
  }
  const headers: Record<string, string> = {
    'RateLimit-Policy': buckets
      .map((bucket) => `"${bucket.policy}";q=${bucket.perMinute};w=60`)
      .join(', '),
  };
  if (tightest)
    headers.RateLimit = `"${tightest.bucket.policy}";r=${tightest.remaining};t=${tightest.resetSeconds}`;
  if (!isAllowed) headers['Retry-After'] = String(retryAfterSeconds);
  return { isAllowed, retryAfterSeconds, headers };
}
