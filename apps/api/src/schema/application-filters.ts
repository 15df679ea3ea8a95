/**
 * Tenant isolation is enforced twice (domain.md §8): by the application's visibility filters (each
 * feature's visibility.ts builds them through `applicationFilter`) and by PostgreSQL row-level
 * security. Each must hold alone, and the cross-tenant probe proves it by running once with each
 * out of the way. This is the seam for the application's half: while a test bypasses it, every
 * visibility filter is `true` and only row-level security keeps partners apart. The flag is read
 * here and nowhere else, and cannot be set in production.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { loadEnv } from '../env.js';

let areBypassed = false;

/** Test seam: turns every visibility filter into `true` (the cross-tenant probe's "row-level security only" run). */
export function bypassApplicationFiltersForTests(bypass: boolean): void {
  if (bypass && loadEnv().isProduction)
    throw new Error('The application filters cannot be bypassed in production');
  areBypassed = bypass;
}

/** A visibility filter: `build()` — or `true` under the test seam. */
export function applicationFilter(build: () => SQL): SQL {
  return areBypassed ? sql`true` : build();
}
