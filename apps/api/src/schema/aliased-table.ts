/**
 * A table under another name, for correlated subqueries in visibility filters: the subquery's
 * table never captures the outer query's own table of the same name. (An `alias()` interpolated
 * in raw SQL renders as the alias alone, so the FROM clause is written here.)
 *
 *   const visibleTransfer = aliasedTable(transfers, 'visible_transfer');
 *   sql`exists (select 1 from ${visibleTransfer.from} where ${visibleTransfer.table.id} = …)`
 */
import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';

export function aliasedTable<T extends PgTable, A extends string>(table: T, name: A) {
  return {
    table: alias(table, name),
    from: sql`${sql.identifier(getTableName(table))} as ${sql.identifier(name)}`,
  };
}
