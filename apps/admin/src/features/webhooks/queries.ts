/** Webhooks: the organisation's subscriptions, one subscription's delivery log, and their mutations. */
import { graphql } from '../../graphql';
import type { ResultOf } from '../../graphql';

export const webhookSubscriptionsQuery = graphql(`
  query WebhookSubscriptions($first: Int, $after: String, $last: Int, $before: String) {
    webhookSubscriptions(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        url
        description
        eventTypes
        isEnabled
        createdAt
      }
    }
  }
`);
export type WebhookSubscriptionItem = ResultOf<
  typeof webhookSubscriptionsQuery
>['webhookSubscriptions']['nodes'][number];

export const webhookSubscriptionQuery = graphql(`
  query WebhookSubscription(
    $id: ID!
    $status: WebhookDeliveryStatus
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    node(id: $id) {
      ... on WebhookSubscription {
        id
        url
        description
        eventTypes
        isEnabled
        createdAt
        updatedAt
        version
        webhookDeliveries(
          status: $status
          first: $first
          after: $after
          last: $last
          before: $before
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
            eventId
            eventType
            status
            attempts
            lastResponseCode
            lastError
            lastAttemptAt
            nextAttemptAt
            deliveredAt
            createdAt
          }
        }
      }
    }
  }
`);
type WebhookNode = NonNullable<ResultOf<typeof webhookSubscriptionQuery>['node']>;
export type WebhookSubscriptionDetails = Extract<WebhookNode, { url: string }>;
export type WebhookDeliveryItem = WebhookSubscriptionDetails['webhookDeliveries']['nodes'][number];

export const webhookSubscriptionCreateMutation = graphql(`
  mutation WebhookSubscriptionCreate($input: WebhookSubscriptionCreateInput!) {
    webhookSubscriptionCreate(input: $input) {
      webhookSubscription {
        id
        secret
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** Edit, enable/disable and rotate the secret (the payload then carries the new secret, once). */
export const webhookSubscriptionUpdateMutation = graphql(`
  mutation WebhookSubscriptionUpdate($input: WebhookSubscriptionUpdateInput!) {
    webhookSubscriptionUpdate(input: $input) {
      webhookSubscription {
        id
        url
        description
        eventTypes
        isEnabled
        secret
        updatedAt
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

export const webhookSubscriptionDeleteMutation = graphql(`
  mutation WebhookSubscriptionDelete($input: WebhookSubscriptionDeleteInput!) {
    webhookSubscriptionDelete(input: $input) {
      deletedWebhookSubscriptionId
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const webhookDeliveryRedeliverMutation = graphql(`
  mutation WebhookDeliveryRedeliver($input: WebhookDeliveryRedeliverInput!) {
    webhookDeliveryRedeliver(input: $input) {
      webhookDelivery {
        id
        status
        attempts
        nextAttemptAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
