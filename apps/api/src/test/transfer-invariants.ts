/**
 * What must hold over the whole database whatever ran, raced or crashed (domain.md §7, §9): each
 * query returns the rows that break one invariant, so a test asserts `toEqual([])` and a failure
 * names the broken rows. Used after races and crashes.
 */
import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';

const INVARIANTS: Record<string, string> = {
  'a subscription is in at most one open transfer': `
    select subscription_id as id from transfer_line_items
    where status in ('PENDING', 'SCHEDULED') group by subscription_id having count(*) > 1`,
  'a transfer has line items': `
    select t.id from transfers t where not exists (select 1 from transfer_line_items i where i.transfer_id = t.id)`,
  'a PENDING transfer has only PENDING line items, and an expiry': `
    select t.id from transfers t where t.status = 'PENDING' and (t.expires_at is null
      or exists (select 1 from transfer_line_items i where i.transfer_id = t.id and i.status <> 'PENDING'))`,
  'a SCHEDULED transfer waits for a SCHEDULED line item and has nothing PENDING': `
    select t.id from transfers t where t.status = 'SCHEDULED' and (
      not exists (select 1 from transfer_line_items i where i.transfer_id = t.id and i.status = 'SCHEDULED')
      or exists (select 1 from transfer_line_items i where i.transfer_id = t.id and i.status = 'PENDING'))`,
  'a closed transfer holds no subscription': `
    select t.id from transfers t where t.status not in ('PENDING', 'SCHEDULED')
      and exists (select 1 from transfer_line_items i where i.transfer_id = t.id and i.status in ('PENDING', 'SCHEDULED'))`,
  'a COMPLETED transfer moved something, and says when': `
    select t.id from transfers t where t.status = 'COMPLETED' and (t.completed_at is null
      or not exists (select 1 from transfer_line_items i where i.transfer_id = t.id and i.status = 'COMPLETED'))`,
  'only a COMPLETED transfer has a completion time': `
    select t.id from transfers t where t.status <> 'COMPLETED' and t.completed_at is not null`,
  'a completed partner switch left the subscription with the target (unless it moved on since)': `
    select i.id from transfer_line_items i join transfers t on t.id = i.transfer_id join subscriptions s on s.id = i.subscription_id
    where t.kind = 'PARTNER_SWITCH' and i.status = 'COMPLETED'
      and (s.seller_partner_id <> t.target_partner_id or s.managing_partner_id <> t.target_partner_id)
      and not exists (select 1 from transfer_line_items later join transfers lt on lt.id = later.transfer_id
        where later.subscription_id = i.subscription_id and later.status = 'COMPLETED' and lt.kind = 'PARTNER_SWITCH' and later.updated_at > i.updated_at)`,
  'a completed migration or transition produced a CSP subscription migrated from its source': `
    select i.id from transfer_line_items i join transfers t on t.id = i.transfer_id
    left join subscriptions r on r.id = i.result_subscription_id
    where t.kind in ('USAGE_MIGRATION', 'LICENSE_TRANSITION') and i.status = 'COMPLETED'
      and (r.id is null or r.channel <> 'CSP' or r.migrated_from_id <> i.subscription_id or r.seller_partner_id <> t.target_partner_id)`,
  'a MIGRATED service runs under a subscription migrated from its own': `
    select v.id from subscription_services v join subscriptions r on r.id = v.migrated_to_subscription_id
    where v.status = 'MIGRATED' and r.migrated_from_id is distinct from v.subscription_id`,
  'a user-created transfer has exactly one transferCreate audit event': `
    select t.id from transfers t where t.created_by_actor_type <> 'SYSTEM'
      and (select count(*) from audit_events a where a.operation = 'transferCreate' and t.id = any(a.target_ids)) <> 1`,
  'an audit event of a request is not duplicated': `
    select a.request_id as id from audit_events a where a.request_id is not null
    group by a.request_id, a.partner_id having count(*) > 1`,
};

export async function brokenTransferInvariants(db: AppDatabase): Promise<{ invariant: string; ids: string[] }[]> {
  const broken: { invariant: string; ids: string[] }[] = [];
  for (const [invariant, query] of Object.entries(INVARIANTS)) {
    const result = await db.execute<{ id: string }>(sql.raw(query));
    const rows = Array.isArray(result) ? (result as { id: string }[]) : (result as { rows: { id: string }[] }).rows;
    if (rows.length > 0) broken.push({ invariant, ids: rows.map((row) => row.id) });
  }
  return broken;
}
