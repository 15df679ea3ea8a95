/**
 * Rules a seeded world must obey beyond what the database's constraints enforce: the domain's
 * rules (sellers have relationships, running subscriptions have not passed their term end, open
 * transfers hold active subscriptions…). The seed tests run these against the demo world and a
 * generated large world; benchmarks can run them before trusting a database they did not seed.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AppDatabase } from '../client.js';

export interface WorldInconsistency {
  check: string;
  rows: number;
}

function checks(now: Date): { name: string; query: SQL }[] {
  const at = sql`${now.toISOString()}::timestamptz`;
  return [
    {
      name: 'a CSP subscription whose seller has no ACTIVE relationship with the customer',
      query: sql`SELECT count(*) FROM subscriptions s WHERE s.channel = 'CSP' AND s.status <> 'CANCELLED' AND s.status <> 'EXPIRED' AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.partner_id = s.seller_partner_id AND r.customer_id = s.customer_id AND r.status = 'ACTIVE')`,
    },
    {
      name: 'an ACTIVE or SUSPENDED subscription past its term end (the clock would have moved it)',
      query: sql`SELECT count(*) FROM subscriptions WHERE status IN ('ACTIVE', 'SUSPENDED') AND term_end_date <= ${at}`,
    },
    {
      name: 'an EXPIRED subscription before its term end',
      query: sql`SELECT count(*) FROM subscriptions WHERE status = 'EXPIRED' AND term_end_date > ${at}`,
    },
    {
      name: 'a SUSPENDED, CANCELLED or EXPIRED subscription with auto-renew on',
      query: sql`SELECT count(*) FROM subscriptions WHERE status IN ('SUSPENDED', 'CANCELLED', 'EXPIRED') AND is_auto_renew_enabled`,
    },
    {
      name: 'a CSP license-based subscription whose cancellation window is not its term start + 7 days',
      query: sql`SELECT count(*) FROM subscriptions WHERE channel = 'CSP' AND billing_model = 'LICENSE_BASED' AND cancellation_allowed_until IS DISTINCT FROM term_start_date + interval '7 days'`,
    },
    {
      name: 'a cancellation window on a subscription that has none',
      query: sql`SELECT count(*) FROM subscriptions WHERE NOT (channel = 'CSP' AND billing_model = 'LICENSE_BASED') AND cancellation_allowed_until IS NOT NULL`,
    },
    {
      name: 'a CSP license-based subscription cancelled after its window',
      query: sql`SELECT count(*) FROM subscriptions WHERE channel = 'CSP' AND billing_model = 'LICENSE_BASED' AND status = 'CANCELLED' AND cancelled_at > cancellation_allowed_until`,
    },
    {
      name: 'a CSP subscription of a partner tenant',
      query: sql`SELECT count(*) FROM subscriptions s JOIN customers c ON c.id = s.customer_id WHERE c.is_partner_tenant AND s.channel = 'CSP'`,
    },
    {
      name: "a subscription whose seller or offer is not in the customer's cloud",
      query: sql`SELECT count(*) FROM subscriptions s JOIN customers c ON c.id = s.customer_id JOIN offers o ON o.id = s.offer_id LEFT JOIN partners p ON p.id = s.seller_partner_id WHERE NOT (c.cloud = ANY (o.clouds)) OR p.cloud <> c.cloud`,
    },
    {
      name: "a subscription whose billing model differs from its offer's, or whose term the offer does not have",
      query: sql`SELECT count(*) FROM subscriptions s JOIN offers o ON o.id = s.offer_id WHERE s.billing_model <> o.billing_model OR (s.term IS NOT NULL AND NOT (s.term = ANY (o.terms)))`,
    },
    {
      name: 'a billing cycle longer than the term',
      query: sql`SELECT count(*) FROM subscriptions WHERE (term = 'P1M' AND billing_cycle <> 'MONTHLY') OR (term = 'P1Y' AND billing_cycle = 'TRIENNIAL')`,
    },
    {
      name: 'a CSP sale billed by the wrong partner (direct providers bill themselves, indirect resellers through a provider)',
      query: sql`SELECT count(*) FROM subscriptions s JOIN partners p ON p.id = s.seller_partner_id WHERE (p.kind = 'DIRECT_PROVIDER' AND s.billing_partner_id IS DISTINCT FROM s.seller_partner_id) OR (p.kind = 'INDIRECT_RESELLER' AND (s.billing_partner_id IS NULL OR s.billing_partner_id = s.seller_partner_id))`,
    },
    {
      name: 'services on a license-based subscription, or a usage-based one without services',
      query: sql`SELECT (SELECT count(*) FROM subscription_services ss JOIN subscriptions s ON s.id = ss.subscription_id WHERE s.billing_model = 'LICENSE_BASED') + (SELECT count(*) FROM subscriptions s WHERE s.billing_model = 'USAGE_BASED' AND NOT EXISTS (SELECT 1 FROM subscription_services ss WHERE ss.subscription_id = s.id))`,
    },
    {
      name: 'an ACTIVE service on a CANCELLED subscription',
      query: sql`SELECT count(*) FROM subscription_services ss JOIN subscriptions s ON s.id = ss.subscription_id WHERE s.status = 'CANCELLED' AND ss.status = 'ACTIVE'`,
    },
    {
      name: "a relationship across clouds, or outside the partner's markets",
      query: sql`SELECT count(*) FROM relationships r JOIN customers c ON c.id = r.customer_id JOIN partners p ON p.id = r.partner_id WHERE p.cloud <> c.cloud OR (r.type <> 'INDIRECT_PROVIDER' AND NOT (c.country = ANY (p.markets)))`,
    },
    {
      name: 'a PENDING relationship request past its expiry, or an EXPIRED one before it',
      query: sql`SELECT count(*) FROM relationship_requests WHERE (status = 'PENDING' AND expires_at <= ${at}) OR (status = 'EXPIRED' AND expires_at > ${at})`,
    },
    {
      name: "a line item of another customer's subscription",
      query: sql`SELECT count(*) FROM transfers t JOIN transfer_line_items li ON li.transfer_id = t.id JOIN subscriptions s ON s.id = li.subscription_id WHERE s.customer_id <> t.customer_id`,
    },
    {
      name: 'an open line item (PENDING, SCHEDULED) of a transfer that is not open, or on a subscription that is not ACTIVE',
      query: sql`SELECT count(*) FROM transfer_line_items li JOIN transfers t ON t.id = li.transfer_id JOIN subscriptions s ON s.id = li.subscription_id WHERE li.status IN ('PENDING', 'SCHEDULED') AND (t.status NOT IN ('PENDING', 'SCHEDULED') OR s.status <> 'ACTIVE')`,
    },
    {
      name: 'an open transfer whose target has no ACTIVE relationship with the customer',
      query: sql`SELECT count(*) FROM transfers t WHERE t.status IN ('PENDING', 'SCHEDULED') AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.partner_id = t.target_partner_id AND r.customer_id = t.customer_id AND r.status = 'ACTIVE')`,
    },
    {
      name: 'a PENDING transfer past its expiry, an EXPIRED one before it, or a SCHEDULED one past its date',
      query: sql`SELECT count(*) FROM transfers WHERE (status = 'PENDING' AND expires_at <= ${at}) OR (status = 'EXPIRED' AND expires_at > ${at}) OR (status = 'SCHEDULED' AND effective_at <= ${at})`,
    },
    {
      name: 'a partner switch whose open item is not sold by the source, or whose completed item is not sold by the target',
      query: sql`SELECT count(*) FROM transfers t JOIN transfer_line_items li ON li.transfer_id = t.id JOIN subscriptions s ON s.id = li.subscription_id WHERE t.kind = 'PARTNER_SWITCH' AND ((li.status IN ('PENDING', 'SCHEDULED') AND s.seller_partner_id IS DISTINCT FROM t.source_partner_id) OR (li.status = 'COMPLETED' AND s.seller_partner_id IS DISTINCT FROM t.target_partner_id))`,
    },
    {
      name: 'a scheduled license transition whose source still auto-renews',
      query: sql`SELECT count(*) FROM transfers t JOIN transfer_line_items li ON li.transfer_id = t.id JOIN subscriptions s ON s.id = li.subscription_id WHERE t.kind = 'LICENSE_TRANSITION' AND t.status = 'SCHEDULED' AND s.is_auto_renew_enabled`,
    },
    {
      name: 'a completed usage migration without its MIGRATED services and the CSP subscription they moved to',
      query: sql`SELECT count(*) FROM transfers t JOIN transfer_line_items li ON li.transfer_id = t.id WHERE t.kind = 'USAGE_MIGRATION' AND t.status = 'COMPLETED' AND (li.result_subscription_id IS NULL OR EXISTS (SELECT 1 FROM subscription_services ss WHERE ss.id = ANY (li.service_ids) AND (ss.status <> 'MIGRATED' OR ss.migrated_to_subscription_id <> li.result_subscription_id)) OR NOT EXISTS (SELECT 1 FROM subscriptions n WHERE n.id = li.result_subscription_id AND n.channel = 'CSP' AND n.migrated_from_id = li.subscription_id))`,
    },
    {
      name: 'something created in the future, or updated before it was created',
      // `at` is a JavaScript Date (milliseconds); the columns hold microseconds: compare in milliseconds,
      // or a row written in the same millisecond as `at` was taken looks as if it came from the future.
      query: sql`SELECT (SELECT count(*) FROM subscriptions WHERE date_trunc('milliseconds', created_at) > ${at} OR updated_at < created_at) + (SELECT count(*) FROM transfers WHERE date_trunc('milliseconds', created_at) > ${at} OR updated_at < created_at) + (SELECT count(*) FROM customers WHERE date_trunc('milliseconds', created_at) > ${at})`,
    },
  ];
}

/** The rows of a raw query's result: node-postgres and PGlite both answer `{ rows }`. */
export function resultRows(result: unknown): Record<string, unknown>[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows))
    return result.rows as Record<string, unknown>[];
  throw new Error('The database driver answered a raw query without rows');
}

/** The checks that fail, with how many rows break each; empty when the world is consistent. */
export async function findWorldInconsistencies(
  db: AppDatabase,
  now: Date = new Date(),
): Promise<WorldInconsistency[]> {
  const found: WorldInconsistency[] = [];
  for (const { name, query } of checks(now)) {
    const [row] = resultRows(await db.execute(sql`SELECT (${query})::int AS rows`));
    const rows = Number(row?.rows ?? 0);
    if (rows > 0) found.push({ check: name, rows });
  }
  return found;
}
