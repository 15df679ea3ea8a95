/**
 * `customers` (search, filters, ordering; domain.md §11) and `customer(id)`. Both return only the
 * customers the caller may see (./visibility.ts); an id it may not see is null, exactly like an id
 * that does not exist.
 */
import { sql } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { customers } from '../../db/schema/index.js';
import { ChannelEnum, CloudEnum } from '../enums.js';
import { exactTimestamp } from '../exact-timestamp.js';
import { databaseIdOf } from '../global-id.js';
import { OrderDirectionEnum } from '../order-direction.js';
import { plannedRow, plannedRows, countRows } from '../planned-rows.js';
import { Customer, CustomerRelationshipStatusEnum } from './customer.js';
import { customerListFilter } from './customer-filters.js';
import { visibleCustomersFilter } from './visibility.js';

type CustomerOrderField = 'COMPANY_NAME' | 'PRIMARY_DOMAIN' | 'CREATED_AT';

const CustomerOrderFieldEnum = builder.enumType('CustomerOrderField', {
  values: {
    COMPANY_NAME: { description: 'By company name, ignoring case.' },
    PRIMARY_DOMAIN: { description: 'By primary domain.' },
    CREATED_AT: { description: 'By when the customer was created in Switchyard.' },
  } satisfies Record<CustomerOrderField, { description: string }>,
});

const CustomerOrder = builder.inputType('CustomerOrder', {
  description: 'How to order customers. Default: by company name, A to Z.',
  fields: (t) => ({
    field: t.field({ type: CustomerOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, required: true, defaultValue: 'ASC' }),
  }),
});

builder.queryField('customers', (t) =>
  t.drizzleConnection({
    type: Customer,
    description:
      'The customers you have a relationship or a pending request with. Search by name or domain, filter, and order; `first`/`last` at most 100.',
    authScopes: { permission: 'customers:read' },
    args: {
      search: t.arg.string({ description: 'Part of the company name or of the primary domain, ignoring case.' }),
      cloud: t.arg({ type: CloudEnum }),
      channel: t.arg({ type: ChannelEnum, description: 'Only customers with a subscription bought through this channel.' }),
      relationshipStatus: t.arg({ type: CustomerRelationshipStatusEnum, description: 'Only customers with which your relationship is in this state.' }),
      orderBy: t.arg({ type: CustomerOrder }),
    },
    totalCount: (_parent, args, context) => countRows(context.db.$count(customers, customerListFilter(context, customers, args))),
    resolve: (query, _parent, args, context) => {
      const direction = args.orderBy?.direction === 'DESC' ? 'desc' : 'asc';
      const field = args.orderBy?.field ?? 'COMPANY_NAME';
      const where = { RAW: (table: typeof customers) => customerListFilter(context, table, args) };
      // Orderings are expressions a cursor can hold exactly (./exact-timestamp.ts); Pothos adds the id as the tie-breaker.
      if (field === 'PRIMARY_DOMAIN') {
        return plannedRows('customers', context.db.query.customers.findMany(query({ where, orderBy: { primaryDomain: direction } })));
      }
      if (field === 'CREATED_AT') {
        return plannedRows(
          'customers',
          context.db.query.customers.findMany(
            query({ where, extras: { createdAtExact: (table) => exactTimestamp(table.createdAt) }, orderBy: { createdAtExact: direction } }),
          ),
        );
      }
      return plannedRows(
        'customers',
        context.db.query.customers.findMany(
          query({ where, extras: { companyNameSort: (table) => sql<string>`lower(${table.companyName})` }, orderBy: { companyNameSort: direction } }),
        ),
      );
    },
  }),
);

builder.queryField('customer', (t) =>
  t.drizzleField({
    type: Customer,
    nullable: true,
    description: 'A customer by id; null when it does not exist or you may not see it.',
    authScopes: { permission: 'customers:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = databaseIdOf(String(args.id), 'Customer');
      if (!id) return null;
      return plannedRow(
        'customers',
        context.db.query.customers.findFirst(query({ where: { id, RAW: (table) => visibleCustomersFilter(context, table) } })),
      ).then((row) => row ?? null);
    },
  }),
);
