/**
 * Which indirect links the caller may see (domain.md §2, §8): those it is a party to, as the provider
 * or the reseller. The same rule as the row-level security policy `indirect_links_parties`.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { indirectLinks } from '../../db/schema/index.js';
import { applicationFilter } from '../application-filters.js';

export function visibleIndirectLinksFilter(context: Context, table: typeof indirectLinks = indirectLinks): SQL {
  const own = context.partner.id;
  return applicationFilter(() => or(eq(table.providerId, own), eq(table.resellerId, own)) as SQL);
}

export async function visibleIndirectLinkIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: indirectLinks.id })
    .from(indirectLinks)
    .where(and(inArray(indirectLinks.id, ids), visibleIndirectLinksFilter(context)));
  return rows.map((row) => row.id);
}
