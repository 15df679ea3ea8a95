/**
 * The GraphQL context: who is asking, for which partner, and the request transaction every
 * resolver reads and writes through. HTTP (server.ts) and the in-process test executor both build
 * it here, so tests exercise the same path as production.
 *
 * A request without credentials still executes (public fields such as `invitation`), but its context is
 * closed: reading `actor`, `partner` or `db` throws UNAUTHENTICATED. So a field that forgot its
 * auth scope still cannot read data — the error is the same top-level UNAUTHENTICATED a client
 * gets from the `authenticated` scope. The one way in without credentials is `actForTokenHolder`
 * (a single-use token in the operation's input names the partner acted for; see below).
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Authenticated, PartnerRow } from './auth/authenticate.js';
import type { AppDatabase, AppTransaction, Database } from './db/client.js';
import { withPartnerTransaction } from './db/partner-transaction.js';
import { actAsPartner, readAsSystem } from './db/partner-switch.js';
import { unauthenticatedError } from './errors.js';

export type { Actor, PartnerRow } from './auth/authenticate.js';

/** What one request learns about itself while it runs; decides commit or rollback. */
export interface RequestOutcome {
  operationType: 'query' | 'mutation' | 'subscription' | undefined;
  hasErrors: boolean;
  /**
   * The operation is one mutation field and nothing else, so the request transaction holds that
   * mutation's work alone: it may run without a savepoint of its own, and a refusal then rolls the
   * request transaction back instead (services/mutation/run-mutation.ts).
   */
  isSoleMutation?: boolean;
  /** A sole mutation was refused after it may have written: roll the request transaction back. */
  mustRollBack?: boolean;
}

export interface Context {
  /** Correlates logs, audit events and the `x-request-id` response header. */
  readonly requestId: string;
  /** The moment the request started: time-based rules read this, never `new Date()`. */
  readonly requestedAt: Date;
  readonly isAuthenticated: boolean;
  readonly actor: Actor;
  /** The partner the request acts for. */
  readonly partner: PartnerRow;
  /** The request transaction (app.partner_id set). Nested `db.transaction()` = savepoint. */
  readonly db: AppTransaction;
  /**
   * `db` is the request transaction itself, not a savepoint within it (a token holder's context)
   * nor a job's: only then may a sole mutation skip its own savepoint (run-mutation.ts).
   */
  readonly isRequestTransaction: boolean;
  /** The `Idempotency-Key` header of a mutation, if sent. */
  readonly idempotencyKey: string | undefined;
  /** Base URL of the admin app, for links sent to people (invitations). */
  readonly publicUrl: string;
  readonly outcome: RequestOutcome;
  /** Runs a token-authorised operation acting for the partner the token belongs to. */
  readonly actForTokenHolder: ActForTokenHolder;
}

/**
 * Token-authorised operations: a customer's administrator answers a relationship request with the
 * invitation's single-use token and holds no partner credentials. The token names the partner whose
 * data the operation touches: `findPartnerId` finds it (`undefined`: unknown token, and the result
 * is `undefined`), then `run` acts for that partner with `partner` and `db` open and `actor` still
 * closed — nobody of the partner acts, so the operation names its own actor for the audit log.
 *
 * - Without credentials, `findPartnerId` runs on the root database, like a credential lookup, and
 *   `run` in that partner's own request transaction, which commits when `run` returns in a
 *   mutation and rolls back in a query (the same rule as every request transaction).
 * - With credentials (a partner's user opening an invitation in the browser it is signed in with),
 *   one request stays one transaction: `findPartnerId` reads as the system and `run` acts as the
 *   token's partner, each under a savepoint of the request transaction (db/partner-switch.ts).
 */
export type ActForTokenHolder = <T>(
  findPartnerId: (db: AppDatabase) => Promise<string | undefined>,
  run: (context: Context) => Promise<T>,
) => Promise<T | undefined>;

export interface RequestContextOptions {
  requestId?: string;
  authenticated: Authenticated | null;
  /** Why credentials were refused, for the UNAUTHENTICATED message. */
  authenticationFailure?: string;
  idempotencyKey?: string;
  publicUrl: string;
}

/**
 * Runs `run` with a context. Authenticated: inside the partner's request transaction, which
 * commits only a mutation that finished without errors — a query never commits anything, and a
 * failed mutation leaves nothing half-written. Unauthenticated: no transaction, closed context.
 */
export async function withRequestContext<T>(
  database: Database,
  options: RequestContextOptions,
  run: (context: Context) => Promise<T>,
): Promise<T> {
  const outcome: RequestOutcome = { operationType: undefined, hasErrors: false };
  const common = {
    requestId: options.requestId ?? randomUUID(),
    requestedAt: new Date(),
    idempotencyKey: options.idempotencyKey,
    publicUrl: options.publicUrl,
    outcome,
  };
  const refuse = (): never => {
    throw unauthenticatedError(options.authenticationFailure);
  };
  // The throwing getters live on prototypes: Apollo shallow-copies the context per operation
  // (own properties only, prototype kept), which must not trip them.
  const closedPrototype = Object.create(Object.prototype, {
    actor: { get: refuse },
    partner: { get: refuse },
    db: { get: refuse },
  }) as Pick<Context, 'actor' | 'partner' | 'db'>;
  const actorClosedPrototype = Object.create(Object.prototype, { actor: { get: refuse } }) as Pick<
    Context,
    'actor'
  >;

  /** A token holder's context inside `tx`, which acts for `partner`. */
  const tokenHolderContext = (partner: PartnerRow, tx: AppTransaction): Context =>
    Object.assign(Object.create(actorClosedPrototype) as Context, {
      ...common,
      isAuthenticated: false,
      partner,
      db: tx,
      isRequestTransaction: false,
      actForTokenHolder: actUnderSavepoint(tx, partner.id),
    });

  /** Inside a request transaction acting for `currentPartnerId`: savepoints acting for the token's partner. */
  const actUnderSavepoint =
    (tx: AppTransaction, currentPartnerId: string): ActForTokenHolder =>
    async (findPartnerId, runAsHolder) => {
      const partnerId = await readAsSystem(tx, findPartnerId);
      if (!partnerId) return undefined;
      return actAsPartner(tx, partnerId, currentPartnerId, async (savepoint) =>
        runAsHolder(tokenHolderContext(await loadPartner(savepoint, partnerId), savepoint)),
      );
    };

  const { authenticated } = options;
  if (!authenticated) {
    const actInOwnTransaction: ActForTokenHolder = async (findPartnerId, runAsHolder) => {
      const partnerId = await findPartnerId(database.db);
      if (!partnerId) return undefined;
      return withPartnerTransaction(
        database,
        partnerId,
        async (tx) => runAsHolder(tokenHolderContext(await loadPartner(tx, partnerId), tx)),
        {
          shouldCommit: () => outcome.operationType === 'mutation' && !outcome.mustRollBack,
        },
      );
    };
    const closed = Object.assign(Object.create(closedPrototype) as Context, {
      ...common,
      isAuthenticated: false,
      isRequestTransaction: false,
      actForTokenHolder: actInOwnTransaction,
    });
    return run(closed);
  }
  return withPartnerTransaction(
    database,
    authenticated.actor.partnerId,
    (tx) =>
      run({
        ...common,
        isAuthenticated: true,
        actor: authenticated.actor,
        partner: authenticated.partner,
        db: tx,
        isRequestTransaction: true,
        actForTokenHolder: actUnderSavepoint(tx, authenticated.actor.partnerId),
      }),
    { shouldCommit: () => outcome.operationType === 'mutation' && !outcome.hasErrors && !outcome.mustRollBack },
  );
}

async function loadPartner(db: AppDatabase, partnerId: string): Promise<PartnerRow> {
  const partner = await db.query.partners.findFirst({ where: { id: partnerId } });
  if (!partner) throw new Error(`The partner ${partnerId} a token names is missing`);
  return partner;
}
