/**
 * Transfer (domain.md §7): moves subscriptions of one customer between partners (PARTNER_SWITCH) or
 * from another channel into CSP (USAGE_MIGRATION, LICENSE_TRANSITION), one line item per
 * subscription. Seen by its source and its target only (§8). The `transfers` query lives here.
 */
import { and, inArray } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { builder } from '../../builder.js';
import { subscriptionServices } from '../../db/schema/index.js';
import { batchLoad } from '../batch-load.js';
import {
  ActorTypeEnum,
  CancelSourceEnum,
  ChannelEnum,
  TransferEffectiveEnum,
  TransferKindEnum,
  TransferLineItemStatusEnum,
  TransferStatusEnum,
} from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { Subscription, SubscriptionService } from '../subscriptions/subscription.js';
import { visibleSubscriptionServicesFilter } from '../subscriptions/visibility.js';
import { visibleTransferIds, visibleTransferLineItemIds, visibleTransferLineItemsFilter } from './visibility.js';

export const TRANSFER_DIRECTIONS = ['INCOMING', 'OUTGOING'] as const;
export type TransferDirection = (typeof TRANSFER_DIRECTIONS)[number];

export const TransferDirectionEnum = builder.enumType('TransferDirection', {
  description: 'A transfer seen from your organisation’s side.',
  values: {
    INCOMING: { description: 'You are the source: another partner asks for subscriptions you sell, and awaits your answer while PENDING.' },
    OUTGOING: { description: 'You are the target: you asked for the subscriptions.' },
  } satisfies Record<TransferDirection, { description: string }>,
});

type ServiceRow = typeof subscriptionServices.$inferSelect;

/** The services a line item names, loaded for every line item of the request in one query. */
async function loadServices(ids: string[], context: Context): Promise<Map<string, ServiceRow>> {
  const rows = await context.db
    .select()
    .from(subscriptionServices)
    .where(and(inArray(subscriptionServices.id, ids), visibleSubscriptionServicesFilter(context)));
  return new Map(rows.map((row) => [row.id, row]));
}

export const TransferLineItem = builder.drizzleNode('transferLineItems', {
  name: 'TransferLineItem',
  description: 'One subscription a transfer moves, and what became of it.',
  id: { column: (lineItem) => lineItem.id },
  fields: (t) => ({
    transfer: t.relation('transfer'),
    subscription: t.relation('subscription', {
      type: Subscription,
      nullable: true,
      description: 'The subscription being moved; null once you no longer see it (no ACTIVE relationship with the customer).',
    }),
    services: t.field({
      type: [SubscriptionService],
      description: 'USAGE_MIGRATION: the services moved; empty for the other kinds (the whole subscription moves).',
      select: { columns: { serviceIds: true } },
      resolve: async (lineItem, _args, context) => {
        const services = await Promise.all((lineItem.serviceIds ?? []).map((id) => batchLoad(context, loadServices, id)));
        return services.filter((service): service is ServiceRow => service !== undefined);
      },
    }),
    status: t.expose('status', { type: TransferLineItemStatusEnum }),
    scheduledAt: t.expose('scheduledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it moves, if later than the answer (a license-based item waits for its term end).',
    }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: 'FAILED: why it could not move.' }),
    resultSubscription: t.relation('resultSubscription', {
      type: Subscription,
      nullable: true,
      description: 'The subscription it produced: the new CSP subscription of a migration or transition; the same subscription for a partner switch.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const Transfer = builder.drizzleNode('transfers', {
  name: 'Transfer',
  description:
    'A transfer of subscriptions of one customer. PENDING waits for the source partner’s answer (30 days); SCHEDULED waits for its effective date.',
  id: { column: (transfer) => transfer.id },
  fields: (t) => ({
    kind: t.expose('kind', { type: TransferKindEnum }),
    customer: t.relation('customer'),
    sourcePartner: t.relation('sourcePartner', {
      nullable: true,
      description: 'PARTNER_SWITCH: the current seller, who accepts or rejects; null for the other kinds (no partner gives anything up).',
    }),
    targetPartner: t.relation('targetPartner', { description: 'The requester, who receives the subscriptions.' }),
    direction: t.field({
      type: TransferDirectionEnum,
      description: 'INCOMING when you are the source (your answer is awaited while PENDING), OUTGOING when you asked.',
      select: { columns: { sourcePartnerId: true } },
      resolve: (transfer, _args, context) => (transfer.sourcePartnerId === context.partner.id ? 'INCOMING' : 'OUTGOING'),
    }),
    sourceChannel: t.expose('sourceChannel', { type: ChannelEnum, description: 'The channel the subscriptions come from.' }),
    status: t.expose('status', { type: TransferStatusEnum }),
    effective: t.expose('effective', {
      type: TransferEffectiveEnum,
      description: 'IMMEDIATELY, or AT_TERM_END: each license-based item moves at its own term end.',
    }),
    effectiveAt: t.expose('effectiveAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it took effect, or (SCHEDULED) the date it waits for.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'PENDING: it expires then unless the source answers.' }),
    cancelSource: t.expose('cancelSource', {
      type: CancelSourceEnum,
      nullable: true,
      description: 'USAGE_MIGRATION: SERVICES (only the moved services end on the source) or ENTIRE (the source is cancelled).',
    }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true, description: 'REJECTED: the source partner’s reason.' }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: 'FAILED: why it could not complete.' }),
    createdByActorType: t.expose('createdByActorType', { type: ActorTypeEnum, description: 'Whether a user or an API key of the target created it.' }),
    lineItems: t.relation('lineItems', {
      description: 'The subscriptions it moves, one item each, in the order they were added.',
      query: (_args, context) => ({
        where: { RAW: (table) => visibleTransferLineItemsFilter(context, table) },
        orderBy: { createdAt: 'asc', id: 'asc' },
      }),
    }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
  }),
});

registerNodeVisibility('Transfer', visibleTransferIds);
registerNodeVisibility('TransferLineItem', visibleTransferLineItemIds);
