/** Which partners the caller may see (domain.md §8): itself and its indirect-link partners. */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { indirectLinks, partners } from '../../db/schema/index.js';
import { applicationFilter } from '../application-filters.js';

export async function visiblePartnerIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: partners.id })
    .from(partners)
    .where(and(inArray(partners.id, ids), visiblePartnersFilter(context)));
  return rows.map((row) => row.id);
}

/**
 * The caller's own partner and those linked to it by an indirect link (any status). Pass the
 * table a relational query aliases (its RAW callback's argument) when used there.
 */
export function visiblePartnersFilter(context: Context, table: typeof partners = partners): SQL {
  const own = context.partner.id;
  return applicationFilter(() => or(
    eq(table.id, own),
    sql`exists (select 1 from ${indirectLinks} where (${indirectLinks.providerId} = ${own} and ${indirectLinks.resellerId} = ${table.id}) or (${indirectLinks.resellerId} = ${own} and ${indirectLinks.providerId} = ${table.id}))`,
  ) as SQL);
}
