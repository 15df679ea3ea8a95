/** `offers`: the catalog of the caller's cloud, by name (domain.md §5, §11). */
import { and, eq, ilike, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { offers } from '../../db/schema/index.js';
import { BillingModelEnum } from '../enums.js';
import { plannedRows, countRows } from '../planned-rows.js';
import { Offer } from './offer.js';
import { visibleOffersFilter } from './visibility.js';

interface OfferListArgs {
  billingModel?: (typeof offers.$inferSelect)['billingModel'] | null | undefined;
  search?: string | null | undefined;
}

function offerListFilter(context: Context, table: typeof offers, args: OfferListArgs): SQL {
  const search = args.search?.trim();
  const pattern = search && `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return and(
    visibleOffersFilter(context, table),
    args.billingModel ? eq(table.billingModel, args.billingModel) : undefined,
    pattern ? or(ilike(table.name, pattern), ilike(table.sku, pattern)) : undefined,
  ) as SQL;
}

builder.queryField('offers', (t) =>
  t.drizzleConnection({
    type: Offer,
    description: 'The catalog of your cloud, by name: what `subscriptionCreate` can sell. `first`/`last` at most 100.',
    authScopes: { permission: 'subscriptions:read' },
    args: {
      billingModel: t.arg({ type: BillingModelEnum }),
      search: t.arg.string({ description: 'Part of the name or SKU, ignoring case.' }),
    },
    totalCount: (_parent, args, context) => countRows(context.db.$count(offers, offerListFilter(context, offers, args))),
    resolve: (query, _parent, args, context) =>
      plannedRows(
        'offers',
        context.db.query.offers.findMany(query({ where: { RAW: (table) => offerListFilter(context, table, args) }, orderBy: { name: 'asc' } })),
      ),
  }),
);
