/**
 * `transfers`: the transfers the caller is a party to, newest first, by direction (INCOMING: it is
 * the source and its answer is awaited while PENDING; OUTGOING: it asked), status, kind and customer.
 */
import { and, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { transfers } from '../../db/schema/index.js';
import { TransferKindEnum, TransferStatusEnum } from '../enums.js';
import { exactTimestamp } from '../exact-timestamp.js';
import { databaseIdOf } from '../global-id.js';
import { plannedRows, countRows } from '../planned-rows.js';
import { Transfer, TransferDirectionEnum } from './transfer.js';
import type { TransferDirection } from './transfer.js';
import { transferDirectionFilter } from './visibility.js';

const NO_ID = '00000000-0000-0000-0000-000000000000';

interface TransferListArgs {
  direction?: TransferDirection | null | undefined;
  status?: (typeof transfers.$inferSelect)['status'] | null | undefined;
  kind?: (typeof transfers.$inferSelect)['kind'] | null | undefined;
  customerId?: string | number | null | undefined;
}

function transferListFilter(context: Context, table: typeof transfers, args: TransferListArgs): SQL {
  const customerId = args.customerId === null || args.customerId === undefined ? undefined : (databaseIdOf(String(args.customerId), 'Customer') ?? NO_ID);
  return and(
    transferDirectionFilter(context, args.direction ?? 'ALL', table),
    args.status ? eq(table.status, args.status) : undefined,
    args.kind ? eq(table.kind, args.kind) : undefined,
    customerId ? eq(table.customerId, customerId) : undefined,
  ) as SQL;
}

builder.queryField('transfers', (t) =>
  t.drizzleConnection({
    type: Transfer,
    description:
      'Transfers where your organisation is the source or the target, newest first. `direction: INCOMING, status: PENDING` lists those awaiting your answer.',
    authScopes: { permission: 'transfers:read' },
    args: {
      direction: t.arg({ type: TransferDirectionEnum, description: 'INCOMING or OUTGOING; omit for both.' }),
      status: t.arg({ type: TransferStatusEnum }),
      kind: t.arg({ type: TransferKindEnum }),
      customerId: t.arg.id({ description: 'Only this customer’s transfers.' }),
    },
    totalCount: (_parent, args, context) => countRows(context.db.$count(transfers, transferListFilter(context, transfers, args))),
    resolve: (query, _parent, args, context) =>
      plannedRows(
        'transfers',
        context.db.query.transfers.findMany(
          query({
            where: { RAW: (table) => transferListFilter(context, table, args) },
            extras: { createdAtExact: (table) => exactTimestamp(table.createdAt) },
            orderBy: { createdAtExact: 'desc' },
          }),
        ),
      ),
  }),
);
