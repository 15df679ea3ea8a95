/** The transfers feature's GraphQL reads and writes. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const transferCandidatesQuery = graphql(`
  query TransferCandidates($customerId: ID!, $kind: TransferKind, $effective: TransferEffective) {
    customer(id: $customerId) {
      id
      companyName
      subscriptions(first: 100, status: ACTIVE) {
        totalCount
        nodes {
          id
          channel
          billingModel
          quantity
          term
          billingCycle
          autoRenew
          termEndDate
          offer {
            id
            name
            billingModel
          }
          seller {
            id
            name
          }
          services {
            id
            name
            status
          }
          transferEligibility(kind: $kind, effective: $effective) {
            kind
            eligible
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
  }
`);
export type TransferCandidate = NonNullable<
  ResultOf<typeof transferCandidatesQuery>['customer']
>['subscriptions']['nodes'][number];
export type Eligibility = TransferCandidate['transferEligibility'];

export const transferListQuery = graphql(`
  query TransferList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $direction: TransferDirection
    $status: TransferStatus
  ) {
    transfers(
      first: $first
      after: $after
      last: $last
      before: $before
      direction: $direction
      status: $status
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        kind
        status
        sourceChannel
        createdAt
        effectiveAt
        expiresAt
        customer {
          id
          companyName
        }
        sourcePartner {
          id
          name
        }
        targetPartner {
          id
          name
        }
        lineItems {
          id
        }
      }
    }
  }
`);
export type TransferListItem = ResultOf<typeof transferListQuery>['transfers']['nodes'][number];

export const transferDetailsQuery = graphql(`
  query TransferDetails($id: ID!) {
    node(id: $id) {
      ... on Transfer {
        id
        kind
        status
        sourceChannel
        createdAt
        updatedAt
        effectiveAt
        expiresAt
        rejectionReason
        version
        customer {
          id
          companyName
        }
        sourcePartner {
          id
          name
          isViewerPartner
        }
        targetPartner {
          id
          name
          isViewerPartner
        }
        lineItems {
          id
          status
          failureReason
          scheduledAt
          subscription {
            id
            channel
            quantity
            termEndDate
            offer {
              id
              name
            }
          }
          services {
            id
            name
          }
        }
      }
    }
    auditEvents(targetId: $id, first: 50) {
      nodes {
        id
        occurredAt
        actorLabel
        actorType
        operation
        after
      }
    }
  }
`);
export type TransferDetails = Extract<
  NonNullable<ResultOf<typeof transferDetailsQuery>['node']>,
  { kind: unknown }
>;
export type TransferTimelineEvent = ResultOf<
  typeof transferDetailsQuery
>['auditEvents']['nodes'][number];

export const transferCreateMutation = graphql(`
  mutation TransferCreate($input: TransferCreateInput!) {
    transferCreate(input: $input) {
      transfer {
        id
        kind
        status
        effectiveAt
        lineItems {
          id
          status
          scheduledAt
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const transferAcceptMutation = graphql(`
  mutation TransferAccept($input: TransferAcceptInput!) {
    transferAccept(input: $input) {
      transfer {
        id
        status
        version
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const transferRejectMutation = graphql(`
  mutation TransferReject($input: TransferRejectInput!) {
    transferReject(input: $input) {
      transfer {
        id
        status
        version
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const transferCancelMutation = graphql(`
  mutation TransferCancel($input: TransferCancelInput!) {
    transferCancel(input: $input) {
      transfer {
        id
        status
        version
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const usageOffersQuery = graphql(`
  query UsageOffers {
    offers(first: 100, billingModel: USAGE_BASED) {
      nodes {
        id
        name
        terms
        billingCycles
      }
    }
  }
`);
