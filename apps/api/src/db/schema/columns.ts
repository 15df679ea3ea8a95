/** Column helpers every mutable table shares: a UUID key, timestamps and the optimistic-concurrency version. */
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().defaultRandom();

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Incremented by every update; mutations compare it with `expectedVersion` (`STALE_VERSION`). */
export const version = () => integer('version').notNull().default(1);

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
