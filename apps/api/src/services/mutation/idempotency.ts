/**
 * Safe retries (domain.md §9): a mutation sent with an `Idempotency-Key` runs once per partner and
 * key for 24 hours; a retry gets the first result, the same key with other input is refused.
 *
 * The claim is a row inserted in the request transaction. A concurrent duplicate's INSERT waits on
 * the first one's uncommitted row (the primary key) and then sees its outcome: the stored result
 * once it commits, or a free key if it rolled back. A wait longer than the lock timeout answers
 * IDEMPOTENCY_IN_PROGRESS. An expired record is taken over by the same statement.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { UserError } from '@switchyard/domain';
import type { AppTransaction } from '../../db/client.js';
import { idempotencyRecords } from '../../db/schema/index.js';

export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long a duplicate waits for the first request before giving up with IDEMPOTENCY_IN_PROGRESS. */
export const IDEMPOTENCY_WAIT_MS = 15_000;

/** What a mutation's first run returned, in a form that survives JSON: errors and the ids of its objects. */
export interface StoredMutationResult {
  userErrors: UserError[];
  /** Payload field → the id (or ids) of the row it returned. */
  refs: Record<string, string | string[] | null>;
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; result: StoredMutationResult }
  | { kind: 'reused' };

/** Stable across key order, so the same input always hashes the same. */
export function hashMutationRequest(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\0').update(canonicalJson(input)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function claimIdempotencyKey(
  tx: AppTransaction,
  claim: { partnerId: string; key: string; operation: string; requestHash: string; now: Date },
): Promise<IdempotencyClaim> {
  const expiresAt = new Date(claim.now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000);
  await tx.execute(sql.raw(`SET LOCAL lock_timeout = '${IDEMPOTENCY_WAIT_MS}ms'`));
  const claimed = await tx
    .insert(idempotencyRecords)
    .values({
      partnerId: claim.partnerId,
      key: claim.key,
      operation: claim.operation,
      requestHash: claim.requestHash,
      status: 'IN_PROGRESS',
      createdAt: claim.now,
      expiresAt,
    })
    .onConflictDoUpdate({
      target: [idempotencyRecords.partnerId, idempotencyRecords.key],
      set: {
        operation: claim.operation,
        requestHash: claim.requestHash,
        status: 'IN_PROGRESS',
        response: null,
        createdAt: claim.now,
        expiresAt,
      },
      // Only an expired record is taken over; a live one is left as it is and read below.
      setWhere: sql`${idempotencyRecords.expiresAt} <= ${claim.now}`,
    })
    .returning({ key: idempotencyRecords.key });
  await tx.execute(sql.raw('SET LOCAL lock_timeout TO DEFAULT'));
  if (claimed.length > 0) return { kind: 'claimed' };

  const [existing] = await tx
    .select()
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.partnerId, claim.partnerId), eq(idempotencyRecords.key, claim.key)));
  if (!existing || existing.requestHash !== claim.requestHash || existing.operation !== claim.operation) {
    return { kind: 'reused' };
  }
  // A COMPLETED record is the only kind another transaction can have committed.
  return { kind: 'replay', result: existing.response as StoredMutationResult };
}

export async function completeIdempotencyKey(
  tx: AppTransaction,
  record: { partnerId: string; key: string; result: StoredMutationResult },
): Promise<void> {
  await tx
    .update(idempotencyRecords)
    .set({ status: 'COMPLETED', response: record.result })
    .where(and(eq(idempotencyRecords.partnerId, record.partnerId), eq(idempotencyRecords.key, record.key)));
}
