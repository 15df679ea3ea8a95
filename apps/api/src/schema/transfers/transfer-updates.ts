/**
 * `transferUpdated`: a live update whenever a transfer the caller is a party to changes (created,
 * answered, scheduled, completed, expired…). Each update is the transfer as it is now, read in a
 * fresh transaction of the subscriber's partner, like `node(id:)`.
 */
import { builder } from '../../builder.js';
import { plannedRow } from '../planned-rows.js';
import { filterIdOf, liveUpdateOf, liveUpdates } from '../live/live-root.js';
import { Transfer } from './transfer.js';
import { visibleTransfersFilter } from './visibility.js';

builder.subscriptionField('transferUpdated', (t) =>
  t.drizzleField({
    type: Transfer,
    description:
      'The transfer, as it is now, each time a transfer you are a party to (source or target) changes. Omit `id` for all of them.',
    authScopes: { permission: 'transfers:read' },
    args: { id: t.arg.id({ description: 'Only this transfer.' }) },
    subscribe: (root, args, context) =>
      liveUpdates(root, { partnerId: context.partner.id, aggregateType: 'Transfer', typename: 'Transfer', aggregateId: filterIdOf(args.id, 'Transfer') }),
    resolve: async (query, root, _args, context) => {
      const { node } = liveUpdateOf(root);
      const transfer = await plannedRow(
        'transfers',
        context.db.query.transfers.findFirst(query({ where: { id: node.id, RAW: (table) => visibleTransfersFilter(context, table) } })),
      );
      if (!transfer) throw new Error(`Transfer ${node.id} vanished after its visibility was checked`);
      return transfer;
    },
  }),
);
