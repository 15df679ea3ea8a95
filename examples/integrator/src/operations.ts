/**
 * The GraphQL operations the example sends, with the shapes of their answers. Names are those of
 * the public contract (domain.md §11); docs/reference.md describes every field.
 */
import type {
  BillingModel,
  Channel,
  ErrorCode,
  SubscriptionStatus,
  Term,
  TransferKind,
  TransferStatus,
} from '@switchyard/domain';

export interface UserErrorData {
  code: ErrorCode;
  message: string;
  field: string[] | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export const VIEWER = /* GraphQL */ `
  query Viewer {
    viewer {
      role
      actorType
      partner {
        id
        name
        cloud
      }
    }
  }
`;
export interface ViewerData {
  viewer: { role: string; actorType: string; partner: { id: string; name: string; cloud: string } };
}

/** One page of customers; pass the previous page's `endCursor` as `after` for the next. */
export const CUSTOMERS_PAGE = /* GraphQL */ `
  query CustomersPage($first: Int!, $after: String) {
    customers(
      first: $first
      after: $after
      relationshipStatus: ACTIVE
      orderBy: { field: COMPANY_NAME, direction: ASC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        companyName
        primaryDomain
        country
        cloud
        isPartnerTenant
        relationshipStatus
      }
    }
  }
`;
export interface CustomerSummary {
  id: string;
  companyName: string;
  primaryDomain: string;
  country: string;
  cloud: string;
  isPartnerTenant: boolean;
  relationshipStatus: string | null;
}
export interface CustomersPageData {
  customers: { totalCount: number; pageInfo: PageInfo; nodes: CustomerSummary[] };
}

export const LICENSE_BASED_OFFERS = /* GraphQL */ `
  query LicenseBasedOffers {
    offers(first: 100, billingModel: LICENSE_BASED) {
      nodes {
        id
        name
        sku
        billingModel
        terms
      }
    }
  }
`;
export interface OfferSummary {
  id: string;
  name: string;
  sku: string;
  billingModel: BillingModel;
  terms: Term[];
}
export interface OffersData {
  offers: { nodes: OfferSummary[] };
}

const SUBSCRIPTION_FIELDS = /* GraphQL */ `
  id
  channel
  status
  quantity
  externalReference
  termEndDate
  version
  offer { name }
  customer { companyName }
`;
export interface SubscriptionSummary {
  id: string;
  channel: Channel;
  status: SubscriptionStatus;
  quantity: number | null;
  externalReference: string | null;
  termEndDate: string | null;
  version: number;
  offer: { name: string };
  customer: { companyName: string };
}

export const SUBSCRIPTION_REGISTER_EXTERNAL = /* GraphQL */ `
  mutation SubscriptionRegisterExternal($input: SubscriptionRegisterExternalInput!) {
    subscriptionRegisterExternal(input: $input) {
      subscription { ${SUBSCRIPTION_FIELDS} }
      userErrors { code message field }
    }
  }
`;
export interface SubscriptionRegisterExternalData {
  subscriptionRegisterExternal: {
    subscription: SubscriptionSummary | null;
    userErrors: UserErrorData[];
  };
}

export const TRANSFER_ELIGIBILITY = /* GraphQL */ `
  query TransferEligibility($id: ID!) {
    node(id: $id) {
      ... on CustomerSubscription {
        id
        transferEligibility {
          eligible
          kind
          scheduleAt
          reasons {
            code
            message
            field
          }
        }
      }
    }
  }
`;
export interface TransferEligibilityData {
  node: {
    id: string;
    transferEligibility: {
      eligible: boolean;
      kind: TransferKind | null;
      scheduleAt: string | null;
      reasons: UserErrorData[];
    };
  } | null;
}

export const TRANSFER_CREATE = /* GraphQL */ `
  mutation TransferCreate($input: TransferCreateInput!) {
    transferCreate(input: $input) {
      transfer {
        id
        kind
        status
        effectiveAt
        version
        lineItems {
          id
          status
          scheduledAt
          subscription {
            id
          }
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`;
export interface TransferSummary {
  id: string;
  kind: TransferKind;
  status: TransferStatus;
  effectiveAt: string | null;
  version: number;
  lineItems: {
    id: string;
    status: string;
    scheduledAt: string | null;
    subscription: { id: string } | null;
  }[];
}
export interface TransferCreateData {
  transferCreate: { transfer: TransferSummary | null; userErrors: UserErrorData[] };
}
