/**
 * `subscriptionCreate`: a CSP sale by the acting partner (domain.md §2, §3, §5). The domain's
 * `checkSubscriptionCreate` decides (relationship, partner tenant, cloud, offer terms, seats,
 * indirect link) and names the billing partner; this file loads its facts and writes the result:
 * an `ACTIVE` subscription whose term starts now, sold and managed by the requester.
 */
import { assertAllowed, checkSubscriptionCreate, startTerm, subscriptionCreateInputSchema } from '@switchyard/domain';
import { asc, eq } from 'drizzle-orm';
import { indirectLinks, subscriptions, subscriptionServices } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import { requireDatabaseId } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { findVisibleOffer, findVisibleCustomer, shareActiveRelationships } from './load-subscription.js';
import { subscriptionAudience, subscriptionAudit, subscriptionEvent } from './subscription-events.js';
import {
  toCustomerFacts,
  toIndirectLinkFacts,
  toOfferFacts,
  toPartnerFacts,
  toRelationshipFacts,
} from './subscription-facts.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const subscriptionCreate: MutationDefinition<typeof subscriptionCreateInputSchema, { subscription: SubscriptionRow }> = {
  operation: 'subscriptionCreate',
  input: subscriptionCreateInputSchema,
  payloadTables: { subscription: 'subscriptions' },
  async run(input, { tx, context, now }) {
    const seller = context.partner;
    const customer = await findVisibleCustomer(tx, context, input.customerId);
    const offer = await findVisibleOffer(tx, context, input.offerId);
    const indirectProviderId =
      input.indirectProviderId === undefined
        ? undefined
        : requireDatabaseId(input.indirectProviderId, 'Partner', 'partner', ['indirectProviderId']);

    const relationships = await shareActiveRelationships(tx, customer.id, [seller.id]);
    // The reseller's links, held until commit: a provider suspending the link waits for this sale.
    const links =
      seller.kind === 'INDIRECT_RESELLER'
        ? await tx.select().from(indirectLinks).where(eq(indirectLinks.resellerId, seller.id)).orderBy(asc(indirectLinks.id)).for('share')
        : [];

    const sale = checkSubscriptionCreate({
      seller: toPartnerFacts(seller),
      customer: toCustomerFacts(customer),
      offer: toOfferFacts(offer),
      relationships: relationships.map(toRelationshipFacts),
      indirectLinks: links.map(toIndirectLinkFacts),
      input: {
        quantity: input.quantity,
        term: input.term,
        billingCycle: input.billingCycle,
        indirectProviderId,
        services: input.services,
      },
    });
    assertAllowed(sale);

    const term = startTerm(now, input.term, { channel: 'CSP', billingModel: offer.billingModel });
    const [subscription] = await tx
      .insert(subscriptions)
      .values({
        customerId: customer.id,
        offerId: offer.id,
        channel: 'CSP',
        billingModel: offer.billingModel,
        status: 'ACTIVE',
        quantity: sale.quantity,
        term: input.term,
        termStartDate: term.termStart,
        termEndDate: term.termEnd,
        billingCycle: input.billingCycle,
        isAutoRenewEnabled: input.autoRenew,
        cancellationAllowedUntil: term.cancellationAllowedUntil,
        sellerPartnerId: sale.sellerPartnerId,
        billingPartnerId: sale.billingPartnerId,
        managingPartnerId: sale.managingPartnerId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!subscription) throw new Error('subscriptionCreate: the insert returned no row');

    const services =
      input.services && input.services.length > 0
        ? await tx
            .insert(subscriptionServices)
            .values(input.services.map((service) => ({ subscriptionId: subscription.id, name: service.name, createdAt: now, updatedAt: now })))
            .returning()
        : [];

    const audience = await subscriptionAudience(tx, customer.id);
    return {
      payload: { subscription },
      audit: subscriptionAudit(null, { subscription, services }),
      events: [
        subscriptionEvent('subscription.created', subscription, audience, {
          sellerPartnerId: encodeGlobalId('Partner', sale.sellerPartnerId),
          billingPartnerId: encodeGlobalId('Partner', sale.billingPartnerId),
        }),
      ],
    };
  },
};
