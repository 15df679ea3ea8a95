/**
 * Test factories for the customers feature, shaped as the API answers (with `__typename`, which
 * the cache needs). Each call makes a distinct customer, so tests never share ids by accident.
 */
import type {
  CustomerDetails,
  CustomerList,
  CustomerListItem,
  CustomerSubscription,
} from './queries';

let sequence = 0;

type WithTypename<T> = T & { __typename: string };

export function customerListItem(
  overrides: Partial<CustomerListItem> = {},
): WithTypename<CustomerListItem> {
  sequence += 1;
  return {
    __typename: 'Customer',
    id: `Q3VzdG9tZXI6${sequence}`,
    companyName: `Customer ${sequence}`,
    primaryDomain: `customer${sequence}.onmicrosoft.com`,
    country: 'US',
    cloud: 'GLOBAL',
    isPartnerTenant: false,
    relationshipStatus: 'ACTIVE',
    subscriptions: {
      __typename: 'SubscriptionConnection',
      totalCount: 0,
    } as CustomerListItem['subscriptions'],
    ...overrides,
  };
}

export function customerListResult(
  nodes: CustomerListItem[],
  options: { totalCount?: number; pageInfo?: Partial<CustomerList['pageInfo']> } = {},
) {
  return {
    data: {
      customers: {
        __typename: 'CustomerConnection',
        totalCount: options.totalCount ?? nodes.length,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: nodes.length > 0 ? 'cursor-start' : null,
          endCursor: nodes.length > 0 ? 'cursor-end' : null,
          ...options.pageInfo,
        },
        nodes,
      },
    },
  };
}

export function customerSubscription(
  overrides: Partial<CustomerSubscription> = {},
): WithTypename<CustomerSubscription> {
  sequence += 1;
  return {
    __typename: 'CustomerSubscription',
    id: `U3Vic2NyaXB0aW9uOj${sequence}`,
    offer: {
      __typename: 'Offer',
      id: `T2ZmZXI6${sequence}`,
      name: 'Microsoft 365 E3',
      billingModel: 'LICENSE_BASED',
      unitPrice: '36.00',
      currency: 'USD',
    } as CustomerSubscription['offer'],
    channel: 'CSP',
    billingModel: 'LICENSE_BASED',
    status: 'ACTIVE',
    quantity: 25,
    termEndDate: '2026-06-30T00:00:00.000Z',
    cancellationAllowedUntil: null,
    autoRenew: true,
    externalReference: null,
    isInOpenTransfer: false,
    version: 1,
    seller: null,
    managingPartner: null,
    services: [],
    ...overrides,
  };
}

export function customerDetailsResult(
  overrides: Partial<CustomerDetails> = {},
  subscriptions: CustomerSubscription[] = [customerSubscription()],
  totalCount = subscriptions.length,
) {
  const base = customerListItem();
  return {
    data: {
      customer: {
        __typename: 'Customer',
        id: base.id,
        companyName: 'Adatum Corporation',
        primaryDomain: 'adatum.onmicrosoft.com',
        country: 'DE',
        cloud: 'GLOBAL',
        isPartnerTenant: false,
        relationshipStatus: 'ACTIVE',
        version: 1,
        relationships: [],
        relationshipRequests: {
          __typename: 'RelationshipRequestConnection',
          totalCount: 0,
          nodes: [],
        },
        subscriptions: { __typename: 'SubscriptionConnection', totalCount, nodes: subscriptions },
        ...overrides,
      },
    },
  };
}
