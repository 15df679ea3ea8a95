/**
 * WebhookSubscription and WebhookDelivery: a partner's webhook endpoints and their delivery log,
 * and `webhookSubscriptions`, the integrations screen's list. Managed by the roles that manage API
 * keys (`apiKeys:manage`): both are credentials of an integration. The secret is never readable:
 * only the payload of the mutation that created (or rotated) it carries it, once.
 */
import { builder } from '../../builder.js';
import { WEBHOOK_DELIVERY_STATUSES } from '@switchyard/domain';
import { webhookSubscriptions } from '../../db/schema/index.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { plannedRows } from '../planned-rows.js';
import {
  ownWebhookDeliveriesFilter,
  ownWebhookSubscriptionsFilter,
  visibleWebhookDeliveryIds,
  visibleWebhookSubscriptionIds,
  WEBHOOKS_PERMISSION,
} from './visibility.js';

export const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'PENDING: not delivered yet (retried with backoff); SUCCEEDED: the receiver answered 2xx; FAILED: no success within 24 hours.',
  values: WEBHOOK_DELIVERY_STATUSES,
});

export const WebhookDelivery = builder.drizzleNode('webhookDeliveries', {
  name: 'WebhookDelivery',
  description: 'One event sent (or to be sent) to one webhook subscription, with its attempts.',
  id: { column: (delivery) => delivery.id },
  authScopes: { permission: WEBHOOKS_PERMISSION },
  fields: (t) => ({
    eventId: t.exposeString('eventId', { description: 'The event’s id, sent as the `Switchyard-Event-Id` header: de-duplicate by it.' }),
    eventType: t.exposeString('eventType'),
    status: t.expose('status', { type: WebhookDeliveryStatusEnum }),
    attempts: t.exposeInt('attempts'),
    lastResponseCode: t.exposeInt('lastResponseCode', { nullable: true, description: 'The HTTP status of the last attempt; null when none came back (timeout, network error).' }),
    lastError: t.exposeString('lastError', { nullable: true }),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true }),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true, description: 'When it is tried next; null once it succeeded or failed.' }),
    retryUntil: t.expose('retryUntil', { type: 'DateTime', description: 'Failed attempts are retried until then.' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const WebhookSubscription = builder.drizzleNode('webhookSubscriptions', {
  name: 'WebhookSubscription',
  description: 'An HTTPS endpoint of your organisation that receives the events it subscribes to, signed with its secret.',
  id: { column: (subscription) => subscription.id },
  authScopes: { permission: WEBHOOKS_PERMISSION },
  fields: (t) => ({
    url: t.exposeString('url'),
    description: t.exposeString('description', { nullable: true }),
    eventTypes: t.exposeStringList('eventTypes'),
    isEnabled: t.exposeBoolean('isEnabled'),
    secret: t.string({
      nullable: true,
      description:
        'The signing secret, shown once: only in the payload of the `webhookSubscriptionCreate` (or `webhookSubscriptionUpdate` with `rotateSecret`) that made it; null everywhere else.',
      resolve: (subscription) => (subscription as { revealedSecret?: string }).revealedSecret ?? null,
    }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    webhookDeliveries: t.relatedConnection('deliveries', {
      description: 'The delivery log, newest first.',
      totalCount: true,
      args: { status: t.arg({ type: WebhookDeliveryStatusEnum, description: 'Only deliveries in this status.' }) },
      query: (args, context) => ({
        where: {
          RAW: (table) => ownWebhookDeliveriesFilter(context, table),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: { createdAt: 'desc', id: 'desc' },
      }),
    }),
  }),
});

registerNodeVisibility('WebhookSubscription', visibleWebhookSubscriptionIds);
registerNodeVisibility('WebhookDelivery', visibleWebhookDeliveryIds);

builder.queryField('webhookSubscriptions', (t) =>
  t.drizzleConnection({
    type: WebhookSubscription,
    description: 'Your organisation’s webhook subscriptions, newest first (without their secrets).',
    authScopes: { permission: WEBHOOKS_PERMISSION },
    totalCount: (_parent, _args, context) => context.db.$count(webhookSubscriptions, ownWebhookSubscriptionsFilter(context)),
    resolve: (query, _parent, _args, context) =>
      plannedRows(
        'webhookSubscriptions',
        context.db.query.webhookSubscriptions.findMany(
          query({ where: { RAW: (table) => ownWebhookSubscriptionsFilter(context, table) }, orderBy: { createdAt: 'desc', id: 'desc' } }),
        ),
      ),
  }),
);
