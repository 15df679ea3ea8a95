/**
 * Offer: a catalog item (domain.md §5). The `offers` query lists the catalog of the caller's cloud.
 * `unitPrice` is a decimal string ("12.50"), not a Float: prices are money and must round-trip
 * exactly; parse it with a decimal library (or Number() for display only).
 */
import { builder } from '../../builder.js';
import { BillingCycleEnum, BillingModelEnum, CloudEnum, TermEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { visibleOfferIds } from './visibility.js';

export const Offer = builder.drizzleNode('offers', {
  name: 'Offer',
  description: 'A catalog item. Its id is what `subscriptionCreate` and `subscriptionRegisterExternal` take as `offerId`.',
  id: { column: (offer) => offer.id },
  // Only the columns the query asks for (see CustomerSubscription).
  select: {},
  fields: (t) => ({
    name: t.exposeString('name'),
    sku: t.exposeString('sku', { description: 'The catalog’s stock-keeping unit, unique.' }),
    billingModel: t.expose('billingModel', {
      type: BillingModelEnum,
      description: 'LICENSE_BASED (seats, a term) or USAGE_BASED (Azure: metered services, no seats).',
    }),
    terms: t.expose('terms', { type: [TermEnum], description: 'Term lengths a subscription of this offer may have.' }),
    billingCycles: t.expose('billingCycles', { type: [BillingCycleEnum], description: 'Billing cycles a subscription of this offer may use.' }),
    clouds: t.expose('clouds', { type: [CloudEnum], description: 'The clouds whose catalog lists it.' }),
    unitPrice: t.string({
      nullable: true,
      description:
        'List price per seat and month as an exact decimal string, e.g. "12.50", in `currency`; null for usage-based offers (metered).',
      select: { columns: { unitPrice: true } },
      resolve: (offer) => offer.unitPrice,
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code, e.g. USD.' }),
  }),
});

registerNodeVisibility('Offer', visibleOfferIds);
