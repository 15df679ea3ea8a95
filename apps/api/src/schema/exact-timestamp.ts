/**
 * Ordering by a timestamp with cursors that do not skip rows. PostgreSQL keeps microseconds; a
 * JavaScript Date keeps milliseconds, so a cursor built from a Date would compare unequal to the
 * stored value and page past rows sharing its millisecond. Ordering by this fixed-width UTC text
 * (which sorts chronologically) keeps the full value in the cursor (Pothos drizzle plugin docs,
 * "Cursor values and precision"). Use it as a relational query `extras` entry and order by its key.
 */
import { sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';

export function exactTimestamp(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
