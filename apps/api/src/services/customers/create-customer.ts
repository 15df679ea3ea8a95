/**
 * `customerCreate` (domain.md §1, §3, §6): a new customer tenant in the acting partner's cloud,
 * and that partner's `ACTIVE` relationship with it at once. The domain's `checkCustomerCreate`
 * decides (the cloud accepts new customers — GERMANY does not, CLOUD_CLOSED; the country is one of
 * the partner's markets, MARKET_NOT_SUPPORTED) and plans the relationship:
 * - a direct provider gets `RESELLER`, an indirect provider `INDIRECT_PROVIDER`;
 * - an indirect reseller does what Partner Center's indirect resellers do: it names the indirect
 *   provider it sells through, which needs an `ACTIVE` link (INDIRECT_LINK_REQUIRED); it gets an
 *   `INDIRECT_RESELLER` relationship naming that provider, and the provider its own
 *   `INDIRECT_PROVIDER` relationship — exactly what accepting a request would have created.
 * A primary domain already used in the cloud is refused by the unique index, as VALIDATION_FAILED
 * on `primaryDomain` (database-errors.ts), which also settles two racing creations.
 */
import {
  assertAllowed,
  checkCustomerCreate,
  customerCreateInputSchema,
  relationshipsForPlan,
} from '@switchyard/domain';
import { asc, eq } from 'drizzle-orm';
import { customers, indirectLinks } from '../../db/schema/index.js';
import { requireDatabaseId } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { customerEvent, relationshipEvent } from '../relationships/relationship-events.js';
import type { CustomerRow, RelationshipRow } from '../relationships/relationship-events.js';
import { startRelationships } from '../relationships/start-relationships.js';
import { toIndirectLinkFacts, toPartnerFacts } from '../subscriptions/subscription-facts.js';

export const customerCreate: MutationDefinition<
  typeof customerCreateInputSchema,
  { customer: CustomerRow; relationship: RelationshipRow }
> = {
  operation: 'customerCreate',
  input: customerCreateInputSchema,
  payloadTables: { customer: 'customers', relationship: 'relationships' },
  async run(input, { tx, context, now }) {
    const partner = context.partner;
    const indirectProviderId =
      input.indirectProviderId === undefined
        ? undefined
        : requireDatabaseId(input.indirectProviderId, 'Partner', 'partner', ['indirectProviderId']);
    // The reseller's links, held until commit: a provider suspending the link waits for this creation.
    const links =
      partner.kind === 'INDIRECT_RESELLER'
        ? await tx
            .select()
            .from(indirectLinks)
            .where(eq(indirectLinks.resellerId, partner.id))
            .orderBy(asc(indirectLinks.id))
            .for('share')
        : [];

    const decision = checkCustomerCreate({
      partner: toPartnerFacts(partner),
      input: { country: input.country, indirectProviderId },
      indirectLinks: links.map(toIndirectLinkFacts),
    });
    assertAllowed(decision);

    const [customer] = await tx
      .insert(customers)
      .values({
        companyName: input.companyName,
        primaryDomain: input.primaryDomain,
        country: input.country,
        cloud: decision.cloud,
        createdByPartnerId: partner.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!customer) throw new Error('customerCreate: the insert returned no row');
    const started = await startRelationships(
      tx,
      relationshipsForPlan(partner.id, customer.id, decision),
      {
        now,
        actingPartnerId: partner.id,
      },
    );
    const own = started.find((relationship) => relationship.partnerId === partner.id);
    if (!own) throw new Error('customerCreate: the creator has no relationship');

    return {
      payload: { customer, relationship: own },
      audit: {
        targetType: 'Customer',
        targetIds: [customer.id, ...started.map((relationship) => relationship.id)],
        before: null,
        after: { customer, relationships: started },
      },
      events: [
        customerEvent('customer.created', customer, [
          ...new Set([partner.id, ...started.map((relationship) => relationship.partnerId)]),
        ]),
        ...started.map((relationship) =>
          relationshipEvent('relationship.created', relationship, partner.id),
        ),
      ],
    };
  },
};
