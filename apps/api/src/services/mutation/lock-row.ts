/**
 * Loads the row a mutation changes, locked (`FOR UPDATE`) so racing requests take turns, and checks
 * what every change of an existing object checks: the caller may see it (else NOT_FOUND, exactly
 * like an id that does not exist) and it is still the version the caller read (`STALE_VERSION`).
 */
import { DomainError } from '@switchyard/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { InferSelectModel, SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AppTransaction } from '../../db/client.js';
import { databaseIdOf } from '../../schema/global-id.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export interface LockRowOptions {
  /** The global id from the input. */
  globalId: string;
  /** The GraphQL type the id must name, e.g. `Customer`. */
  typename: string;
  /** The caller's visibility filter for the table. */
  visible: SQL | undefined;
  /** The input field that carried the id, e.g. `['customerId']`. */
  field: string[];
  expectedVersion?: number | undefined;
  /** How people call it: `customer`, `subscription`. */
  noun: string;
}

/** Decodes a global id of `typename`, or refuses NOT_FOUND (a malformed id is a missing one). */
export function requireDatabaseId(globalId: string, typename: string, noun: string, field: string[]): string {
  const id = databaseIdOf(globalId, typename);
  if (!id) throw new DomainError('NOT_FOUND', `No ${noun} with this id.`, { field });
  return id;
}

export async function lockRow<T extends VersionedTable>(
  tx: AppTransaction,
  table: T,
  options: LockRowOptions,
): Promise<InferSelectModel<T>> {
  const id = requireDatabaseId(options.globalId, options.typename, options.noun, options.field);
  // Drizzle's select types cannot follow a generic table; the row is the table's select model.
  const source: PgTable = table;
  // Issued now (`execute()`): a statement issued after this call is sent behind the lock.
  const rows = await tx
    .select()
    .from(source)
    .where(and(eq(table.id, id), options.visible))
    .for('update')
    .execute();
  const row = rows[0] as (InferSelectModel<T> & { version: number }) | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `No ${options.noun} with this id.`, { field: options.field });
  checkVersion(row, options.expectedVersion, options.noun);
  return row;
}

export function checkVersion(row: { version: number }, expectedVersion: number | undefined, noun: string): void {
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new DomainError(
      'STALE_VERSION',
      `This ${noun} was changed by someone else since you loaded it (now version ${row.version}, you had ${expectedVersion}). Reload it and try again.`,
      { field: ['expectedVersion'] },
    );
  }
}

/** The columns every update of a versioned row sets. */
export function nextVersion(table: VersionedTable, now: Date) {
  return { version: sql`${table.version} + 1`, updatedAt: now } as const;
}
