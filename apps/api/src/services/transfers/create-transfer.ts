/**
 * `transferCreate` (domain.md §7): the requester (the target) asks to move subscriptions of one
 * customer. The domain's `checkTransferCreate` — the same function the admin app uses to explain a
 * disabled button — decides and plans; this file loads its facts and writes the plan:
 * - `PARTNER_SWITCH` → `PENDING`, waiting for the source partner (told by `transfer.created`);
 * - `USAGE_MIGRATION` → `COMPLETED` in this very transaction: a new CSP Azure subscription sold by
 *   the requester gets the chosen services, which become `MIGRATED` on the source; `ENTIRE` also
 *   cancels the source;
 * - `LICENSE_TRANSITION` → `SCHEDULED` for the source's term end; its auto-renew goes off now.
 *
 * Races: the subscriptions are locked (`FOR UPDATE`, id order) before their facts are read, so of
 * two requests for the same subscription the second sees the first's open transfer and is refused
 * `ALREADY_IN_TRANSFER`; the partial unique index on open line items is the backstop.
 */
import { randomUUID } from 'node:crypto';
import { checkTransferCreate, DomainError, transferCreateInputSchema } from '@switchyard/domain';
import type { TransferCreateInput } from '@switchyard/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { together } from '../../db/together.js';
import { indirectLinks, offers, subscriptions, subscriptionServices, transferLineItems, transfers } from '../../db/schema/index.js';
import type { Cloud } from '@switchyard/domain';
import { databaseIdOf, encodeGlobalId } from '../../schema/global-id.js';
import type { AuditEntry, OutboxEvent } from '../mutation/audit.js';
import { nextVersion, requireDatabaseId } from '../mutation/lock-row.js';
import type { MutationDefinition, MutationScope } from '../mutation/run-mutation.js';
import { findVisibleCustomer, shareActiveRelationships } from '../subscriptions/load-subscription.js';
import { subscriptionAudience, subscriptionEvent } from '../subscriptions/subscription-events.js';
import {
  toCustomerFacts,
  toIndirectLinkFacts,
  toOfferFacts,
  toPartnerFacts,
  toRelationshipFacts,
} from '../subscriptions/subscription-facts.js';
import type { OfferRow } from '../subscriptions/subscription-facts.js';
import { licenseTransferPolicyOf } from './license-transfer-policy.js';
import { refusalOf } from './refusal.js';
import { lockAndLoadSubscriptions } from './transfer-facts.js';
import type { LoadedSubscription, ServiceRow, SubscriptionRow, TransferRow } from './transfer-facts.js';
import { SERVICE_TYPENAME, transferEvent, transferSnapshot } from './transfer-events.js';

type TransferCreatePayload = { transfer: TransferRow; subscriptions: SubscriptionRow[] };
/** What the effects of a transfer being created know of it: it is written after them. */
type CreatedTransfer = Pick<TransferRow, 'id' | 'kind' | 'customerId' | 'targetPartnerId'>;
type Plan = Extract<ReturnType<typeof checkTransferCreate>, { ok: true }>;

export const transferCreate: MutationDefinition<typeof transferCreateInputSchema, TransferCreatePayload> = {
  operation: 'transferCreate',
  input: transferCreateInputSchema,
  payloadTables: { transfer: 'transfers', subscriptions: 'subscriptions' },
  async run(input, scope) {
    const { tx, context, now } = scope;
    const requester = context.partner;
    const customerId = requireDatabaseId(input.customerId, 'Customer', 'customer', ['customerId']);
    const decoded = decodeIds(input, customerId);

    // Every fact the rules read, sent together and answered after one wait. PostgreSQL runs them in
    // the order they are issued: the subscriptions' lock (then their services and open transfers),
    // then the relationships' and links', the order every change takes them in.
    const [customer, loaded, relationships, links, newOffer] = await together([
      findVisibleCustomer(tx, context, input.customerId),
      // Only subscriptions of this customer are looked at (and it must be visible); any other id is NOT_FOUND.
      lockAndLoadSubscriptions(tx, validIds(decoded.subscriptionIds), { customerId }),
      // Held until commit, so a relationship terminated or a link suspended meanwhile waits for this request.
      shareActiveRelationships(tx, customerId, [requester.id]),
      requester.kind === 'INDIRECT_RESELLER'
        ? tx.select().from(indirectLinks).where(eq(indirectLinks.resellerId, requester.id)).orderBy(asc(indirectLinks.id)).for('share').execute()
        : [],
      decoded.kind === 'USAGE_MIGRATION' ? findOffer(tx, decoded.newSubscription.offerId, requester.cloud) : undefined,
    ]);

    const plan = checkTransferCreate({
      input: decoded,
      requester: toPartnerFacts(requester),
      customer: toCustomerFacts(customer),
      relationships: relationships.map(toRelationshipFacts),
      subscriptions: loaded.map((subscription) => subscription.facts),
      indirectLinks: links.map(toIndirectLinkFacts),
      newOffer: newOffer && toOfferFacts(newOffer),
      licenseTransferPolicy: licenseTransferPolicyOf(requester.cloud),
      now,
    });
    if (!plan.ok) throw refusalOf(plan.errors);

    // The id is chosen here, so the effects can name the transfer and its line items can be sent
    // right behind it: the transfer and its line items are written after one wait.
    const created: CreatedTransfer = { id: randomUUID(), kind: plan.kind, customerId: customer.id, targetPartnerId: requester.id };
    const effects =
      plan.kind === 'USAGE_MIGRATION'
        ? await migrateUsage(scope, plan, created, loaded)
        : plan.kind === 'LICENSE_TRANSITION'
          ? await turnOffAutoRenew(scope, plan, created, loaded)
          : { subscriptions: loaded.map((subscription) => subscription.row), resultSubscriptionId: null, events: [], services: [] };

    const [[transfer], lineItems] = await together([
      tx
        .insert(transfers)
        .values({
          ...created,
          sourcePartnerId: plan.sourcePartnerId,
          billingPartnerId: plan.billingPartnerId,
          sourceChannel: plan.sourceChannel,
          status: plan.status,
          effective: decoded.effective,
          effectiveAt: plan.effectiveAt,
          expiresAt: plan.expiresAt,
          cancelSource: decoded.kind === 'USAGE_MIGRATION' ? decoded.cancelSource : null,
          newSubscriptionDetails: plan.usageMigration ? { ...plan.usageMigration.newSubscription } : null,
          createdByActorType: context.actor.type === 'user' ? 'USER' : 'API_KEY',
          createdByActorId: context.actor.id,
          completedAt: plan.status === 'COMPLETED' ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .execute(),
      tx
        .insert(transferLineItems)
        .values(
          plan.lineItems.map((item) => ({
            transferId: created.id,
            subscriptionId: item.subscriptionId,
            serviceIds: item.serviceIds ?? null,
            status: item.status,
            scheduledAt: item.scheduleAt,
            resultSubscriptionId: effects.resultSubscriptionId,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning()
        .execute(),
    ]);
    if (!transfer) throw new Error('transferCreate: the insert returned no transfer');

    const events: OutboxEvent[] = [transferEvent('transfer.created', transfer, lineItems)];
    if (transfer.status === 'COMPLETED') events.push(transferEvent('transfer.completed', transfer, lineItems));
    events.push(...effects.events);

    const audit: AuditEntry = {
      targetType: 'Transfer',
      targetIds: [transfer.id, ...new Set([...loaded.map((subscription) => subscription.row.id), ...effects.subscriptions.map((row) => row.id)])],
      before: { subscriptions: loaded.map((subscription) => ({ subscription: subscription.row, services: subscription.services })) },
      after: { ...transferSnapshot(transfer, lineItems), subscriptions: effects.subscriptions, services: effects.services },
    };
    return { payload: { transfer, subscriptions: effects.subscriptions }, audit, events };
  },
};

/** The input with database ids; an id that is not one of ours becomes one that matches nothing (NOT_FOUND). */
function decodeIds(input: TransferCreateInput, customerId: string): TransferCreateInput {
  const decode = (id: string, typename: string, position: string) => databaseIdOf(id, typename) ?? `unknown:${position}`;
  const subscriptionIds = input.subscriptionIds.map((id, index) => decode(id, 'Subscription', String(index)));
  if (input.kind === 'USAGE_MIGRATION') {
    const { newSubscription } = input;
    return {
      ...input,
      customerId,
      subscriptionIds,
      serviceIds: input.serviceIds.map((id, index) => decode(id, SERVICE_TYPENAME, String(index))),
      newSubscription: {
        ...newSubscription,
        offerId: decode(newSubscription.offerId, 'Offer', 'offer'),
        ...(newSubscription.indirectProviderId !== undefined
          ? { indirectProviderId: decode(newSubscription.indirectProviderId, 'Partner', 'provider') }
          : {}),
      },
    };
  }
  return {
    ...input,
    customerId,
    subscriptionIds,
    ...(input.indirectProviderId !== undefined ? { indirectProviderId: decode(input.indirectProviderId, 'Partner', 'provider') } : {}),
  };
}

const UUID = /^[0-9a-f-]{36}$/;
function validIds(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}

/** The offer if the cloud's catalog lists it; absent, the rule answers NOT_FOUND at its field. */
async function findOffer(tx: AppTransaction, offerId: string, cloud: Cloud): Promise<OfferRow | undefined> {
  if (!UUID.test(offerId)) return undefined;
  const [offer] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.id, offerId), sql`${cloud}::cloud = any(${offers.clouds})`));
  return offer;
}

interface Effects {
  /** The subscriptions as they are after the change (the payload's `subscriptions`). */
  subscriptions: SubscriptionRow[];
  services: ServiceRow[];
  resultSubscriptionId: string | null;
  events: OutboxEvent[];
}

/**
 * A usage migration, all in this transaction: the new CSP subscription with the moved services,
 * the moved services `MIGRATED` on the source, and with `ENTIRE` the source (and what is left of
 * it) cancelled.
 */
async function migrateUsage({ tx, now }: MutationScope, plan: Plan, transfer: CreatedTransfer, loaded: LoadedSubscription[]): Promise<Effects> {
  const migration = plan.usageMigration;
  const [source] = loaded;
  if (!migration || !source) throw new Error('transferCreate: a usage migration plan without its source');
  const planned = migration.newSubscription;
  const [created] = await tx
    .insert(subscriptions)
    .values({
      customerId: source.row.customerId,
      offerId: planned.offerId,
      channel: 'CSP',
      billingModel: 'USAGE_BASED',
      status: 'ACTIVE',
      quantity: null,
      term: planned.term,
      termStartDate: planned.termStart,
      termEndDate: planned.termEnd,
      billingCycle: planned.billingCycle,
      isAutoRenewEnabled: planned.autoRenew,
      cancellationAllowedUntil: planned.cancellationAllowedUntil,
      sellerPartnerId: planned.sellerPartnerId,
      billingPartnerId: planned.billingPartnerId,
      managingPartnerId: planned.managingPartnerId,
      migratedFromId: source.row.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!created) throw new Error('transferCreate: the insert returned no subscription');

  const movedIds = migration.migratedServiceIds;
  const moving = source.services.filter((service) => movedIds.includes(service.id));
  const newServices = await tx
    .insert(subscriptionServices)
    .values(moving.map((service) => ({ subscriptionId: created.id, name: service.name, status: 'ACTIVE' as const, createdAt: now, updatedAt: now })))
    .returning();
  // Conditional on ACTIVE: a service cancelled by a racing request is not migrated behind its back.
  const migrated = await tx
    .update(subscriptionServices)
    .set({ status: 'MIGRATED', migratedToSubscriptionId: created.id, endedAt: now, ...nextVersion(subscriptionServices, now) })
    .where(
      and(
        inArray(subscriptionServices.id, movedIds),
        eq(subscriptionServices.subscriptionId, source.row.id),
        eq(subscriptionServices.status, 'ACTIVE'),
      ),
    )
    .returning();
  if (migrated.length !== movedIds.length) {
    throw new DomainError('SERVICE_NOT_ACTIVE', 'A service was cancelled or migrated meanwhile; reload the subscription and try again.', {
      field: ['serviceIds'],
    });
  }

  let sourceAfter = source.row;
  const cancelledServices: ServiceRow[] = [];
  if (migration.cancelsSource) {
    cancelledServices.push(
      ...(await tx
        .update(subscriptionServices)
        .set({ status: 'CANCELLED', endedAt: now, ...nextVersion(subscriptionServices, now) })
        .where(and(eq(subscriptionServices.subscriptionId, source.row.id), eq(subscriptionServices.status, 'ACTIVE')))
        .returning()),
    );
    const [cancelled] = await tx
      .update(subscriptions)
      .set({ status: 'CANCELLED', cancelledAt: now, isAutoRenewEnabled: false, ...nextVersion(subscriptions, now) })
      .where(eq(subscriptions.id, source.row.id))
      .returning();
    if (!cancelled) throw new Error('transferCreate: the source vanished');
    sourceAfter = cancelled;
  }

  const audience = await eventAudience(tx, transfer, [source.row]);
  const cause = { transferId: encodeGlobalId('Transfer', transfer.id), kind: transfer.kind };
  const serviceIds = (services: ServiceRow[]) => services.map((service) => encodeGlobalId(SERVICE_TYPENAME, service.id));
  const events: OutboxEvent[] = [
    subscriptionEvent('subscription.created', created, audience, {
      ...cause,
      migratedFromId: encodeGlobalId('Subscription', source.row.id),
      serviceIds: serviceIds(newServices),
    }),
    subscriptionEvent(migration.cancelsSource ? 'subscription.cancelled' : 'subscription.updated', sourceAfter, audience, {
      ...cause,
      migratedServiceIds: serviceIds(migrated),
      cancelledServiceIds: serviceIds(cancelledServices),
    }),
  ];
  return {
    subscriptions: [sourceAfter, created],
    services: [...migrated, ...cancelledServices, ...newServices],
    resultSubscriptionId: created.id,
    events,
  };
}

/** A license transition: the sources must not renew past the term end CSP takes over at. */
async function turnOffAutoRenew({ tx, now }: MutationScope, plan: Plan, transfer: CreatedTransfer, loaded: LoadedSubscription[]): Promise<Effects> {
  const ids = plan.turnsOffAutoRenewOf;
  const changed = ids.length
    ? await tx
        .update(subscriptions)
        .set({ isAutoRenewEnabled: false, ...nextVersion(subscriptions, now) })
        .where(and(inArray(subscriptions.id, ids), eq(subscriptions.isAutoRenewEnabled, true)))
        .returning()
    : [];
  const changedById = new Map(changed.map((row) => [row.id, row]));
  const after = loaded.map((subscription) => changedById.get(subscription.row.id) ?? subscription.row);
  const audience = changed.length ? await eventAudience(tx, transfer, changed) : [];
  const events = changed.map((row) =>
    subscriptionEvent('subscription.updated', row, audience, {
      isAutoRenewEnabled: false,
      transferId: encodeGlobalId('Transfer', transfer.id),
      kind: transfer.kind,
    }),
  );
  return { subscriptions: after, services: [], resultSubscriptionId: null, events };
}

/**
 * Who hears about the subscriptions changed: whoever may see them — though row-level security shows
 * the requester only its own relationships, so the requester and the partner managing the source
 * (the one who loses it) are named for sure.
 */
async function eventAudience(tx: AppTransaction, transfer: CreatedTransfer, sources: readonly SubscriptionRow[]): Promise<string[]> {
  const named = sources.map((source) => source.managingPartnerId).filter((id): id is string => id !== null);
  return [...new Set([...(await subscriptionAudience(tx, transfer.customerId)), transfer.targetPartnerId, ...named])];
}
