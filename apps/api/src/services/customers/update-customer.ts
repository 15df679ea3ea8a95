/**
 * `customerUpdate` (domain.md §3): a new company name or primary domain. The tenant is shared by
 * every partner working with it, so the domain's `checkCustomerUpdate` lets only a partner with an
 * `ACTIVE` relationship edit it (RELATIONSHIP_REQUIRED; a partner whose request is pending sees the
 * profile but may not change it). The customer row is locked and compared with `expectedVersion`
 * (STALE_VERSION); a primary domain already used in the cloud is VALIDATION_FAILED on the field.
 */
import { assertAllowed, checkCustomerUpdate, customerUpdateInputSchema } from '@switchyard/domain';
import { and, eq } from 'drizzle-orm';
import { customers, relationships } from '../../db/schema/index.js';
import { visibleCustomersFilter } from '../../schema/customers/visibility.js';
import { lockRow, nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { customerAudience, customerEvent } from '../relationships/relationship-events.js';
import type { CustomerRow } from '../relationships/relationship-events.js';
import { toRelationshipFacts } from '../subscriptions/subscription-facts.js';

export const customerUpdate: MutationDefinition<
  typeof customerUpdateInputSchema,
  { customer: CustomerRow }
> = {
  operation: 'customerUpdate',
  input: customerUpdateInputSchema,
  payloadTables: { customer: 'customers' },
  async run(input, { tx, context, now }) {
    const before = await lockRow(tx, customers, {
      globalId: input.customerId,
      typename: 'Customer',
      visible: visibleCustomersFilter(context),
      field: ['customerId'],
      expectedVersion: input.expectedVersion,
      noun: 'customer',
    });
    const own = await tx
      .select()
      .from(relationships)
      .where(
        and(
          eq(relationships.customerId, before.id),
          eq(relationships.partnerId, context.partner.id),
          eq(relationships.status, 'ACTIVE'),
        ),
      );
    assertAllowed(
      checkCustomerUpdate({
        customerId: before.id,
        actorPartnerId: context.partner.id,
        relationships: own.map(toRelationshipFacts),
      }),
    );

    const [customer] = await tx
      .update(customers)
      .set({
        ...(input.companyName === undefined ? {} : { companyName: input.companyName }),
        ...(input.primaryDomain === undefined ? {} : { primaryDomain: input.primaryDomain }),
        ...nextVersion(customers, now),
      })
      .where(eq(customers.id, before.id))
      .returning();
    if (!customer) throw new Error('customerUpdate: the update returned no row');
    return {
      payload: { customer },
      audit: { targetType: 'Customer', targetIds: [customer.id], before, after: customer },
      events: [
        customerEvent('customer.updated', customer, await customerAudience(tx, customer.id)),
      ],
    };
  },
};
