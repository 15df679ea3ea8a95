/**
 * How every mutation runs (domain.md §9), so that no resolver repeats it:
 * 1. the input is parsed with the domain's schema (malformed → `VALIDATION_FAILED` naming the field);
 * 2. an `Idempotency-Key` is claimed (a retry replays the first result);
 * 3. the change runs under a SAVEPOINT of the request transaction, and writes its one audit event
 *    and its outbox events there too — a refusal (a DomainError, or a constraint the database
 *    enforced) rolls all of it back and becomes `userErrors`. When the mutation is the operation's
 *    only field and no idempotency key was claimed, the request transaction holds nothing else, so
 *    the change runs in it directly and a refusal rolls the request transaction back: the same
 *    outcome, two round trips fewer (SAVEPOINT, RELEASE);
 * 4. the result is stored for the idempotency key.
 * Anything else thrown is a bug: it propagates, and the whole request rolls back.
 */
import { isDomainError, parseInput } from '@switchyard/domain';
import type { UserError } from '@switchyard/domain';
import type { z } from 'zod';
import type { Context } from '../../context.js';
import type { AppTransaction } from '../../db/client.js';
import type { AuditEntry, OutboxEvent } from './audit.js';
import { forgetBatchLoads } from '../../schema/batch-load.js';
import { writeAuditAndOutboxEvents } from './audit.js';
import { domainErrorFromDatabase, isLockTimeout } from './database-errors.js';
import { claimIdempotencyKey, completeIdempotencyKey, hashMutationRequest } from './idempotency.js';
import type { StoredMutationResult } from './idempotency.js';

/** A payload field that carries only the id of a row that is gone (a deletion): a replay answers the id as it is. */
export const ID_ONLY = 'id only';

/** The tables a payload may return rows of, by their name in `db.query`; or `ID_ONLY`. */
export type PayloadTable = keyof AppTransaction['query'] | typeof ID_ONLY;

/** A row (or rows) a payload returns. */
type PayloadValue = { id: string } | { id: string }[] | null;
/** A payload: named rows (and lists of rows). */
export type PayloadShape<P> = { [K in keyof P]: PayloadValue };

export interface MutationScope {
  tx: AppTransaction;
  context: Context;
  /** The request's time: every rule about time reads this. */
  now: Date;
}

export interface MutationOutcome<P extends PayloadShape<P>> {
  /**
   * The rows as they are after the change (each one's last write's `.returning()`): their columns
   * are answered as they are, without reading the rows again (ARCHITECTURE.md, the Pothos Drizzle
   * patch).
   */
  payload: P;
  audit: AuditEntry;
  events?: OutboxEvent[];
}

export interface MutationDefinition<S extends z.ZodType, P extends PayloadShape<P>> {
  /** The GraphQL field name, e.g. `customerCreate`: the audit log's operation. */
  operation: string;
  input: S;
  /** Payload field → table, so a replayed retry can load the rows the first run returned. */
  payloadTables: { [K in keyof P]: PayloadTable };
  run(input: z.output<S>, scope: MutationScope): Promise<MutationOutcome<P>>;
}

/** What a mutation field resolves to. (`then` is excluded so TypeScript never takes a payload for a promise.) */
export type MutationPayload<P> = { [K in Exclude<keyof P, 'then'>]?: P[K] | null } & { userErrors: UserError[]; then?: never };

export async function runMutation<S extends z.ZodType, P extends PayloadShape<P>>(
  context: Context,
  definition: MutationDefinition<S, P>,
  rawInput: unknown,
): Promise<MutationPayload<P>> {
  const parsed = parseInput(definition.input, rawInput);
  if (!parsed.ok) return refused<P>(parsed.errors);

  const { idempotencyKey } = context;
  if (idempotencyKey) {
    let claim;
    try {
      claim = await claimIdempotencyKey(context.db, {
        partnerId: context.partner.id,
        key: idempotencyKey,
        operation: definition.operation,
        requestHash: hashMutationRequest(definition.operation, rawInput),
        now: context.requestedAt,
      });
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      return refused<P>([
        { code: 'IDEMPOTENCY_IN_PROGRESS', message: 'A request with this Idempotency-Key is still running. Retry in a moment.' },
      ]);
    }
    if (claim.kind === 'reused') {
      return refused<P>([
        {
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'This Idempotency-Key was already used for a different request. Use a new key for new input.',
        },
      ]);
    }
    if (claim.kind === 'replay') return replay(context, definition, claim.result);
  }

  // Only the request's own transaction qualifies: a token holder's context (a savepoint acting for
  // another partner) and the import job's per-row contexts keep their savepoint.
  const isSoleWork = context.outcome.isSoleMutation === true && !idempotencyKey && context.isRequestTransaction;
  const holdingTheChange = <T>(work: (tx: AppTransaction) => Promise<T>): Promise<T> =>
    isSoleWork ? work(context.db) : context.db.transaction(work);

  let payload: MutationPayload<P>;
  try {
    payload = await holdingTheChange(async (tx) => {
      const now = context.requestedAt;
      const outcome = await definition.run(parsed.value, { tx, context, now });
      await writeAuditAndOutboxEvents(
        tx,
        {
          ...outcome.audit,
          partnerId: context.partner.id,
          // A token-authorised mutation names its actor (the customer's administrator); its context has none.
          actor: outcome.audit.actor ?? context.actor,
          operation: definition.operation,
          requestId: context.requestId,
          idempotencyKey: idempotencyKey ?? null,
          occurredAt: now,
        },
        outcome.events ?? [],
      );
      return { ...outcome.payload, userErrors: [] };
    });
  } catch (error) {
    const domainError = isDomainError(error) ? error : domainErrorFromDatabase(error);
    if (!domainError) throw error;
    // Without a savepoint, the refused change's writes are undone with the request transaction.
    if (isSoleWork) context.outcome.mustRollBack = true;
    payload = refused<P>([domainError.toUserError()]);
  }
  // The operation's later fields (another mutation's payload) must not be answered from before it.
  forgetBatchLoads(context);

  if (idempotencyKey) {
    await completeIdempotencyKey(context.db, {
      partnerId: context.partner.id,
      key: idempotencyKey,
      result: { userErrors: payload.userErrors, refs: refsOf(definition, payload) },
    });
  }
  return payload;
}

/** `field` paths are relative to the mutation's arguments: `['input', 'quantity']`. */
function refused<P>(errors: UserError[]): MutationPayload<P> {
  return {
    userErrors: errors.map((error) =>
      error.field && error.field[0] !== 'input' ? { ...error, field: ['input', ...error.field] } : error,
    ),
  } as MutationPayload<P>;
}

function refsOf<P extends PayloadShape<P>>(
  definition: MutationDefinition<z.ZodType, P>,
  payload: MutationPayload<P>,
): StoredMutationResult['refs'] {
  const refs: StoredMutationResult['refs'] = {};
  for (const field of Object.keys(definition.payloadTables)) {
    const value = (payload as Record<string, PayloadValue | undefined>)[field];
    refs[field] = value == null ? null : Array.isArray(value) ? value.map((row) => row.id) : value.id;
  }
  return refs;
}

/** The first run's answer again: the same errors, and its objects as they are now. */
async function replay<P extends PayloadShape<P>>(
  context: Context,
  definition: MutationDefinition<z.ZodType, P>,
  stored: StoredMutationResult,
): Promise<MutationPayload<P>> {
  const payload: Record<string, unknown> = { userErrors: stored.userErrors };
  for (const [field, table] of Object.entries<PayloadTable>(definition.payloadTables)) {
    const ref = stored.refs[field];
    if (ref == null) continue;
    if (table === ID_ONLY) {
      payload[field] = Array.isArray(ref) ? ref.map((id) => ({ id })) : { id: ref };
      continue;
    }
    const ids = Array.isArray(ref) ? ref : [ref];
    // Each table's query builder has its own type; they share this shape.
    const query = context.db.query[table] as unknown as {
      findMany(config: { where: { id: { in: string[] } } }): Promise<{ id: string }[]>;
    };
    const rows = await query.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    payload[field] = Array.isArray(ref) ? ids.map((id) => byId.get(id)).filter(Boolean) : (byId.get(ref) ?? null);
  }
  return payload as MutationPayload<P>;
}
