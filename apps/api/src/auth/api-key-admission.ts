/**
 * An integrator's request, admitted in ONE statement: the API key (with its partner) is looked up
 * and a token is taken from each of its rate-limit buckets — the key's and its partner's — by the
 * same statement, on the root connection, before the request transaction opens. Separately they
 * were two round trips on every request (`pnpm bench --cpu-prof`: socket writes were a tenth of the
 * API's time on `viewer`). A wrong or revoked key matches no row, so it takes no token and is
 * answered 401, as before.
 *
 * The buckets' keys are built in SQL from the key's row; `rateLimitBuckets` (../limits/rate-limit.ts)
 * names the same buckets for the decision, and ./api-key-admission.int.test.ts holds the two to
 * each other (the headers of a request admitted here match the buckets' rows).
 */
import type { Role as PartnerRole } from '@switchyard/domain';
import { sql } from 'drizzle-orm';
import { parsePgArray } from 'drizzle-orm/pg-core';
import type { AppDatabase } from '../db/client.js';
import { rawRows } from '../db/raw-rows.js';
import { rateLimitBuckets, rateLimitDecision, takeTokensSql } from '../limits/rate-limit.js';
import type { RateLimitDecision, RateLimitSettings } from '../limits/rate-limit.js';
import type { Authenticated, PartnerRow } from './authenticate.js';
import { touchApiKey } from './authenticate.js';
import { hashSecret } from './secrets.js';

/** Raw rows carry timestamps as text on node-postgres (Drizzle's type parsers) and as dates on PGlite. */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** The columns of the key's row and its partner's, as the statement below names them. */
interface AdmissionRow {
  key_id: string;
  key_name: string;
  key_role: PartnerRole;
  key_last_used_at: unknown;
  partner_id: string;
  partner_name: string;
  partner_number: string;
  partner_kind: PartnerRow['kind'];
  partner_cloud: PartnerRow['cloud'];
  partner_markets: unknown;
  partner_domain: string;
  partner_created_at: unknown;
  partner_updated_at: unknown;
  partner_version: unknown;
  buckets: { key: string; tokens: number }[] | string | null;
}

/** `null` when the key is unknown or revoked (nothing was taken from any bucket). */
export async function admitApiKey(
  db: AppDatabase,
  secret: string,
  settings: RateLimitSettings,
  now = new Date(),
): Promise<{ authenticated: Authenticated; rateLimit: RateLimitDecision } | null> {
  const actorPerMinute = settings.actor.perMinute;
  const partnerPerMinute = settings.partner.perMinute;
  const [row] = rawRows<AdmissionRow>(
    await db.execute(sql`
      WITH key AS (
        SELECT k.id AS key_id, k.name AS key_name, k.role AS key_role, k.last_used_at AS key_last_used_at,
               p.id AS partner_id, p.name AS partner_name, p.partner_number, p.kind AS partner_kind,
               p.cloud AS partner_cloud, p.markets AS partner_markets, p.domain AS partner_domain,
               p.created_at AS partner_created_at, p.updated_at AS partner_updated_at, p.version AS partner_version
          FROM api_keys k JOIN partners p ON p.id = k.partner_id
         WHERE k.secret_hash = ${hashSecret(secret)} AND k.revoked_at IS NULL
      ),
      input AS (
        SELECT 'apiKey:' || key.key_id, ${actorPerMinute}::float8, ${actorPerMinute / 60}::float8 FROM key
        UNION ALL
        SELECT 'partner:' || key.partner_id, ${partnerPerMinute}::float8, ${partnerPerMinute / 60}::float8 FROM key
      ),
      taken AS (${takeTokensSql(sql`input`)})
      SELECT key.*, (SELECT json_agg(json_build_object('key', taken.key, 'tokens', taken.tokens)) FROM taken) AS buckets
        FROM key`),
  );
  if (!row) return null;

  const authenticated: Authenticated = {
    actor: { type: 'apiKey', id: row.key_id, partnerId: row.partner_id, role: row.key_role, label: row.key_name },
    partner: {
      id: row.partner_id,
      name: row.partner_name,
      partnerNumber: row.partner_number,
      kind: row.partner_kind,
      cloud: row.partner_cloud,
      markets: Array.isArray(row.partner_markets) ? (row.partner_markets as string[]) : (parsePgArray(String(row.partner_markets)) as string[]),
      domain: row.partner_domain,
      createdAt: toDate(row.partner_created_at),
      updatedAt: toDate(row.partner_updated_at),
      version: Number(row.partner_version),
    },
  };
  await touchApiKey(db, row.key_id, row.key_last_used_at === null ? null : toDate(row.key_last_used_at), now);
  const taken = typeof row.buckets === 'string' ? (JSON.parse(row.buckets) as { key: string; tokens: number }[]) : (row.buckets ?? []);
  return {
    authenticated,
    rateLimit: rateLimitDecision(rateLimitBuckets(settings, { actor: authenticated.actor }), taken),
  };
}
