/**
 * Fast inserts of many rows for the large-world generator: each batch travels as ONE JSON
 * parameter and PostgreSQL unpacks it with `json_populate_recordset`, typed by the table's own row
 * type. One parameter per statement means no 65,535-parameter limit, no SQL text that grows with
 * the rows, and it works the same on node-postgres and PGlite (COPY would need a driver-specific
 * stream). Dates serialise as ISO strings and arrays as JSON arrays, which PostgreSQL converts to
 * timestamptz and array columns.
 */
import { getColumns, sql } from 'drizzle-orm';
import type { InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AppDatabase } from '../client.js';

/** Rows per statement: large enough to amortise the round trip, small enough to keep the JSON a few MB. */
export const DEFAULT_BULK_BATCH_SIZE = 5_000;

/**
 * Inserts `rows` (Drizzle insert objects, property names as in the table definition) in batches.
 * Every row must have the same keys: the column list is taken from the first row, and columns left
 * out get their database defaults.
 */
export async function bulkInsert<T extends PgTable>(
  db: AppDatabase,
  table: T,
  rows: readonly InferInsertModel<T>[],
  batchSize = DEFAULT_BULK_BATCH_SIZE,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(first);
  const columnNames = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`bulkInsert: the table has no column for "${key}"`);
    return column.name;
  });
  const columnList = sql.join(
    columnNames.map((name) => sql.identifier(name)),
    sql`, `,
  );

  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const records = batch.map((row) => {
      const record: Record<string, unknown> = {};
      const values = row as Record<string, unknown>;
      for (let index = 0; index < keys.length; index += 1)
        record[columnNames[index]!] = values[keys[index]!];
      return record;
    });
    await db.execute(
      sql`INSERT INTO ${table} (${columnList}) SELECT ${columnList} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(records)}::json)`,
    );
  }
}
