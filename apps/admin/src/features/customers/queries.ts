/** The customers feature's GraphQL reads. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const CUSTOMER_LIST_PAGE_SIZE = 25;
/** The detail page lists this many subscriptions, and says so when a customer has more. */
export const CUSTOMER_SUBSCRIPTIONS_SHOWN = 50;

export const customerListQuery = graphql(`
  query CustomerList($first: Int, $after: String, $last: Int, $before: String, $search: String) {
    customers(first: $first, after: $after, last: $last, before: $before, search: $search) {
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
      subscriptions(first: $subscriptionsFirst) {
        totalCount
        nodes {
          id
          offer {
            id
            name
          }
          channel
          status
          quantity
          termEndDate
        }
      }
    }
  }
`);

export type CustomerDetails = NonNullable<ResultOf<typeof customerDetailsQuery>['customer']>;
export type CustomerSubscription = CustomerDetails['subscriptions']['nodes'][number];
