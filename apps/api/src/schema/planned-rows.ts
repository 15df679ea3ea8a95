/**
 * Types the rows of a query planned by the Pothos drizzle plugin. At run time the plugin selects
 * every column the GraphQL selection needs; its `query()` helper types the selection as
 * `columns: {}`, which drizzle-orm 1.0.0-rc.4 reads as "no columns". Until the two agree, resolvers
 * restate the row type here, in one place, instead of casting in each feature.
 *
 * It also turns Drizzle's lazy query into a real promise. Return that, never the query object:
 * Drizzle runs the query again on every `.then()`, and GraphQL plugins may call it more than once.
 *
 *   resolve: (query, _parent, _args, context) =>
 *     plannedRows('customers', context.db.query.customers.findMany(query({ where }))),
 */
import type { Relations } from '../db/relations.js';

export type TableName = keyof Relations;
export type Row<TTable extends TableName> = Relations[TTable]['table']['$inferSelect'];

export function plannedRows<TTable extends TableName>(_table: TTable, rows: PromiseLike<unknown>): Promise<Row<TTable>[]> {
  return Promise.resolve(rows) as Promise<Row<TTable>[]>;
}

export function plannedRow<TTable extends TableName>(_table: TTable, row: PromiseLike<unknown>): Promise<Row<TTable> | undefined> {
  return Promise.resolve(row) as Promise<Row<TTable> | undefined>;
}

/** A `db.$count(…)` as a real promise: like a query, Drizzle's count runs again on every `.then()`. */
export function countRows(count: PromiseLike<number>): Promise<number> {
  return Promise.resolve(count);
}
