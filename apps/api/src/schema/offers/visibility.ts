/**
 * Which offers the caller may see: the catalog of its own cloud (an offer lists the clouds whose
 * catalog carries it). The catalog is public within a cloud, so no relationship is needed.
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { offers } from '../../db/schema/index.js';

export function visibleOffersFilter(context: Context, table: typeof offers = offers): SQL {
  return sql`${context.partner.cloud} = any(${table.clouds})`;
}

export async function visibleOfferIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: offers.id })
    .from(offers)
    .where(and(inArray(offers.id, ids), visibleOffersFilter(context)));
  return rows.map((row) => row.id);
}
