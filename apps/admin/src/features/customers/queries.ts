/** The customers feature's GraphQL reads. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const CUSTOMER_LIST_PAGE_SIZE = 25;
/** The detail page lists this many subscriptions, and says so when a customer has more. */
export const CUSTOMER_SUBSCRIPTIONS_SHOWN = 50;

export const customerListQuery = graphql(`
  query CustomerList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $search: String
    $cloud: Cloud
    $channel: Channel
    $relationshipStatus: CustomerRelationshipStatus
    $orderBy: CustomerOrder
  ) {
    customers(
      first: $first
      after: $after
      last: $last
      before: $before
      search: $search
      cloud: $cloud
      channel: $channel
      relationshipStatus: $relationshipStatus
      orderBy: $orderBy
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
        hasPreviousPage
        startCursor
      }
      nodes {
        id
        companyName
        primaryDomain
        country
        cloud
        isPartnerTenant
        relationshipStatus
        subscriptions(first: 0) {
          totalCount
        }
      }
    }
  }
`);

export type CustomerList = ResultOf<typeof customerListQuery>['customers'];
export type CustomerListItem = CustomerList['nodes'][number];

export const customerDetailsQuery = graphql(`
  query CustomerDetails($id: ID!, $subscriptionsFirst: Int!) {
    customer(id: $id) {
      id
      companyName
      primaryDomain
      country
      cloud
      isPartnerTenant
      relationshipStatus
      version
      relationships {
        id
        type
        status
        createdAt
        version
        partner {
          id
          name
          isViewerPartner
        }
        indirectProvider {
          id
          name
        }
      }
      relationshipRequests(first: 20) {
        totalCount
        nodes {
          id
          status
          isDelegatedAdminRequested
          createdAt
          expiresAt
          version
          partner {
            id
            name
            isViewerPartner
          }
        }
      }
      subscriptions(first: $subscriptionsFirst) {
        totalCount
        nodes {
          id
          offer {
            id
            name
            billingModel
            unitPrice
            currency
          }
          channel
          billingModel
          status
          quantity
          termEndDate
          cancellationAllowedUntil
          autoRenew
          externalReference
          isInOpenTransfer
          version
          seller {
            id
            name
            isViewerPartner
          }
          managingPartner {
            id
            name
            isViewerPartner
          }
          services {
            id
            name
            status
          }
        }
      }
    }
  }
`);

export type CustomerDetails = NonNullable<ResultOf<typeof customerDetailsQuery>['customer']>;
export type CustomerSubscription = CustomerDetails['subscriptions']['nodes'][number];
export type CustomerRelationship = CustomerDetails['relationships'][number];
export type CustomerRelationshipRequest = CustomerDetails['relationshipRequests']['nodes'][number];

export const offerChoicesQuery = graphql(`
  query OfferChoices($billingModel: BillingModel) {
    offers(first: 100, billingModel: $billingModel) {
      nodes {
        id
        name
        sku
        billingModel
        terms
        billingCycles
      }
    }
  }
`);
export type OfferChoice = ResultOf<typeof offerChoicesQuery>['offers']['nodes'][number];
