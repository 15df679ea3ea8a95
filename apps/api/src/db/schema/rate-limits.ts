/**
 * Rate limiting (token buckets) kept in PostgreSQL, so a limit holds across every API instance.
 * One row per bucket (`apiKey:<id>`, `partner:<id>`, `ip:<address>`); the system (root connection)
 * alone reads and writes it, before a request's partner transaction opens.
 */
import { doublePrecision, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  /** Tokens left after the last refill; a request takes one. */
  tokens: doublePrecision('tokens').notNull(),
  /** When `tokens` was last brought up to date. */
  refilledAt: at('refilled_at').notNull(),
});
