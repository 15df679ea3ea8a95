/**
 * `subscriptionUpdated`: a live update whenever a customer subscription the caller may see changes
 * (sold, registered, suspended, moved by a transfer, renewed…). Each update is the subscription as
 * it is now, read in a fresh transaction of the subscriber's partner, like `node(id:)`.
 */
import { builder } from '../../builder.js';
import { filterIdOf, liveUpdateOf, liveUpdates } from '../live/live-root.js';
import { plannedRow } from '../planned-rows.js';
import { Subscription } from './subscription.js';
import { visibleSubscriptionsFilter } from './visibility.js';

builder.subscriptionField('subscriptionUpdated', (t) =>
  t.drizzleField({
    type: Subscription,
    description:
      'The customer subscription, as it is now, each time one you may see changes (every channel’s, of customers you have an ACTIVE relationship with). Narrow with `id` or `customerId`.',
    authScopes: { permission: 'subscriptions:read' },
    args: {
      id: t.arg.id({ description: 'Only this subscription.' }),
      customerId: t.arg.id({ description: 'Only this customer’s subscriptions.' }),
    },
    subscribe: (root, args, context) =>
      liveUpdates(root, {
        partnerId: context.partner.id,
        aggregateType: 'Subscription',
        typename: 'CustomerSubscription',
        aggregateId: filterIdOf(args.id, 'CustomerSubscription'),
        customerId: filterIdOf(args.customerId, 'Customer'),
      }),
    resolve: async (query, root, _args, context) => {
      const { node } = liveUpdateOf(root);
      const subscription = await plannedRow(
        'subscriptions',
        context.db.query.subscriptions.findFirst(query({ where: { id: node.id, RAW: (table) => visibleSubscriptionsFilter(context, table) } })),
      );
      if (!subscription) throw new Error(`Subscription ${node.id} vanished after its visibility was checked`);
      return subscription;
    },
  }),
);
