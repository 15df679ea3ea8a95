/**
 * Which transfers the caller may see (domain.md §8): those where it is the source (the partner asked
 * to give subscriptions up) or the target (the requester). Line items follow their transfer. The
 * same rule as the row-level security policies `transfers_parties` and `transfer_line_items_parties`.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { transferLineItems, transfers } from '../../db/schema/index.js';
import { aliasedTable } from '../aliased-table.js';
import { applicationFilter } from '../application-filters.js';

const { table: visibleTransfer, from: fromVisibleTransfer } = aliasedTable(transfers, 'visible_transfer');

/**
 * The transfers the caller is a party to. Pass the table a relational query aliases (its RAW
 * callback's argument) when used there.
 */
export function visibleTransfersFilter(context: Context, table: typeof transfers = transfers): SQL {
  const own = context.partner.id;
  return applicationFilter(() => or(eq(table.sourcePartnerId, own), eq(table.targetPartnerId, own)) as SQL);
}

/** Transfers awaiting the caller's answer or sent by it (see `TransferDirection`). */
export function transferDirectionFilter(context: Context, direction: 'INCOMING' | 'OUTGOING' | 'ALL', table: typeof transfers = transfers): SQL {
  if (direction === 'INCOMING') return eq(table.sourcePartnerId, context.partner.id);
  if (direction === 'OUTGOING') return eq(table.targetPartnerId, context.partner.id);
  return visibleTransfersFilter(context, table);
}

export function visibleTransferLineItemsFilter(context: Context, table: typeof transferLineItems = transferLineItems): SQL {
  const own = context.partner.id;
  return applicationFilter(
    () => sql`exists (select 1 from ${fromVisibleTransfer} where ${visibleTransfer.id} = ${table.transferId} and (${visibleTransfer.sourcePartnerId} = ${own} or ${visibleTransfer.targetPartnerId} = ${own}))`,
  );
}

export async function visibleTransferIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(inArray(transfers.id, ids), visibleTransfersFilter(context)));
  return rows.map((row) => row.id);
}

export async function visibleTransferLineItemIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: transferLineItems.id })
    .from(transferLineItems)
    .where(and(inArray(transferLineItems.id, ids), visibleTransferLineItemsFilter(context)));
  return rows.map((row) => row.id);
}
