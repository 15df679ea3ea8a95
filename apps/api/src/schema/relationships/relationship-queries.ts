/**
 * `relationshipRequests`: the caller's relationship requests, newest first (the overview shows the
 * PENDING ones). Relationships themselves are read through `Customer.relationships`.
 */
import { and, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { relationshipRequests } from '../../db/schema/index.js';
import { RelationshipRequestStatusEnum } from '../enums.js';
import { exactTimestamp } from '../exact-timestamp.js';
import { databaseIdOf } from '../global-id.js';
import { plannedRows, countRows } from '../planned-rows.js';
import { RelationshipRequest } from './relationship-request.js';
import { visibleRelationshipRequestsFilter } from './visibility.js';

const NO_ID = '00000000-0000-0000-0000-000000000000';

interface RequestListArgs {
  status?: (typeof relationshipRequests.$inferSelect)['status'] | null | undefined;
  customerId?: string | number | null | undefined;
}

function requestListFilter(context: Context, table: typeof relationshipRequests, args: RequestListArgs): SQL {
  const customerId = args.customerId === null || args.customerId === undefined ? undefined : (databaseIdOf(String(args.customerId), 'Customer') ?? NO_ID);
  return and(
    visibleRelationshipRequestsFilter(context, table),
    args.status ? eq(table.status, args.status) : undefined,
    customerId ? eq(table.customerId, customerId) : undefined,
  ) as SQL;
}

builder.queryField('relationshipRequests', (t) =>
  t.drizzleConnection({
    type: RelationshipRequest,
    description: 'Relationship requests your organisation sent (or that name it as indirect provider), newest first.',
    authScopes: { permission: 'customers:read' },
    args: {
      status: t.arg({ type: RelationshipRequestStatusEnum, description: 'E.g. PENDING: those still awaiting the customer.' }),
      customerId: t.arg.id(),
    },
    totalCount: (_parent, args, context) => countRows(context.db.$count(relationshipRequests, requestListFilter(context, relationshipRequests, args))),
    resolve: (query, _parent, args, context) =>
      plannedRows(
        'relationshipRequests',
        context.db.query.relationshipRequests.findMany(
          query({
            where: { RAW: (table) => requestListFilter(context, table, args) },
            extras: { createdAtExact: (table) => exactTimestamp(table.createdAt) },
            orderBy: { createdAtExact: 'desc' },
          }),
        ),
      ),
  }),
);
