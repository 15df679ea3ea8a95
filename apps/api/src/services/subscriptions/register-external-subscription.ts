/**
 * `subscriptionRegisterExternal`: a subscription bought outside CSP (Direct, Advisor, Open, EA, a
 * third party or Syndication) entered by hand (domain.md §5). Registering needs an `ACTIVE`
 * relationship — the same permission that lets the partner see the customer's subscriptions
 * (§8); a pending request shows only the customer's profile. The subscription has no seller and no
 * managing partner until a partner takes it over with `subscriptionManage`.
 */
import {
  assertAllowed,
  DomainError,
  checkSubscriptionRegisterExternal,
  standardTermBetween,
  subscriptionRegisterExternalInputSchema,
} from '@switchyard/domain';
import type { SubscriptionRegisterExternalInput } from '@switchyard/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { subscriptions, subscriptionServices } from '../../db/schema/index.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { findVisibleOffer, findVisibleCustomer, shareActiveRelationships } from './load-subscription.js';
import { subscriptionAudience, subscriptionAudit, subscriptionEvent } from './subscription-events.js';
import { toCustomerFacts, toOfferFacts, toPartnerFacts, toRelationshipFacts } from './subscription-facts.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const subscriptionRegisterExternal: MutationDefinition<
  typeof subscriptionRegisterExternalInputSchema,
  { subscription: SubscriptionRow }
> = {
  operation: 'subscriptionRegisterExternal',
  input: subscriptionRegisterExternalInputSchema,
  payloadTables: { subscription: 'subscriptions' },
  async run(input, { tx, context, now }) {
    const partner = context.partner;
    const customer = await findVisibleCustomer(tx, context, input.customerId);
    const offer = await findVisibleOffer(tx, context, input.offerId);
    const relationships = await shareActiveRelationships(tx, customer.id, [partner.id]);
    assertAllowed(
      checkSubscriptionRegisterExternal({
        partner: toPartnerFacts(partner),
        customer: toCustomerFacts(customer),
        offer: toOfferFacts(offer),
        relationships: relationships.map(toRelationshipFacts),
        input: { quantity: input.quantity, services: input.services },
      }),
    );

    await refuseIfAlreadyRegistered(tx, { ...input, customerId: customer.id, offerId: offer.id });

    const { status } = input;
    const isEnded = status === 'CANCELLED' || status === 'EXPIRED';
    const [subscription] = await tx
      .insert(subscriptions)
      .values({
        customerId: customer.id,
        offerId: offer.id,
        channel: input.channel,
        billingModel: offer.billingModel,
        status,
        quantity: offer.billingModel === 'LICENSE_BASED' ? (input.quantity ?? null) : null,
        // A standard term renews by calendar months; any other length renews by its own length.
        term: standardTermBetween(input.termStart, input.termEnd),
        termStartDate: input.termStart,
        termEndDate: input.termEnd,
        // Only a running subscription renews; a suspended one has auto-renew off (PC).
        isAutoRenewEnabled: status === 'ACTIVE' && input.autoRenew,
        // The 7-day window is a CSP rule: other channels have none.
        cancellationAllowedUntil: null,
        externalReference: input.externalReference,
        cancelledAt: status === 'CANCELLED' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!subscription) throw new Error('subscriptionRegisterExternal: the insert returned no row');

    const services =
      input.services && input.services.length > 0
        ? await tx
            .insert(subscriptionServices)
            .values(
              input.services.map((service) => ({
                subscriptionId: subscription.id,
                name: service.name,
                status: isEnded ? ('CANCELLED' as const) : ('ACTIVE' as const),
                endedAt: isEnded ? now : null,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .returning()
        : [];

    const audience = await subscriptionAudience(tx, customer.id);
    return {
      payload: { subscription },
      audit: subscriptionAudit(null, { subscription, services }),
      events: [subscriptionEvent('subscription.registered', subscription, audience, { externalReference: subscription.externalReference })],
    };
  },
};

/**
 * The same paperwork entered twice — by hand, or by a second import of the same file — would count
 * the customer's subscription twice. An enrollment covers many subscriptions, so the reference alone
 * is not enough: the same offer, channel, reference (in any case) and term start is.
 */
async function refuseIfAlreadyRegistered(
  tx: AppTransaction,
  registration: Pick<SubscriptionRegisterExternalInput, 'channel' | 'externalReference' | 'termStart'> & { customerId: string; offerId: string },
): Promise<void> {
  const [existing] = await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.customerId, registration.customerId),
        eq(subscriptions.offerId, registration.offerId),
        eq(subscriptions.channel, registration.channel),
        sql`lower(${subscriptions.externalReference}) = lower(${registration.externalReference})`,
        eq(subscriptions.termStartDate, registration.termStart),
      ),
    )
    .limit(1);
  if (existing) {
    throw new DomainError(
      'SUBSCRIPTION_ALREADY_REGISTERED',
      `This customer already has this subscription from ${registration.channel} (reference ${registration.externalReference}, same offer and term start).`,
      { field: ['externalReference'] },
    );
  }
}
