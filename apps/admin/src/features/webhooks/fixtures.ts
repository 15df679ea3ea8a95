/**
 * Test factories for the webhooks feature, shaped as the API answers (with `__typename`, which the
 * cache needs). Each call makes a distinct object, so tests never share ids by accident.
 */
import type {
  WebhookDeliveryItem,
  WebhookSubscriptionDetails,
  WebhookSubscriptionItem,
} from './queries';

let sequence = 0;

const pageInfo = {
  __typename: 'PageInfo',
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: null,
  endCursor: null,
};

export function webhookSubscriptionItem(
  overrides: Partial<WebhookSubscriptionItem> = {},
): WebhookSubscriptionItem & { __typename: string } {
  sequence += 1;
  return {
    __typename: 'WebhookSubscription',
    id: `V2ViaG9va1N1YnNjcmlwdGlvbjo${sequence}`,
    url: `https://hooks${sequence}.example.com/switchyard`,
    description: null,
    eventTypes: ['transfer.created'],
    isEnabled: true,
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export function webhookSubscriptionsResult(nodes: WebhookSubscriptionItem[]) {
  return {
    data: {
      webhookSubscriptions: {
        __typename: 'QueryWebhookSubscriptionsConnection',
        totalCount: nodes.length,
        pageInfo,
        nodes,
      },
    },
  };
}

export function webhookDelivery(
  overrides: Partial<WebhookDeliveryItem> = {},
): WebhookDeliveryItem & { __typename: string } {
  sequence += 1;
  return {
    __typename: 'WebhookDelivery',
    id: `V2ViaG9va0RlbGl2ZXJ5Oj${sequence}`,
    eventId: `event-${sequence}`,
    eventType: 'transfer.created',
    status: 'SUCCEEDED',
    attempts: 1,
    lastResponseCode: 200,
    lastError: null,
    lastAttemptAt: '2026-11-20T09:00:01.000Z',
    nextAttemptAt: null,
    deliveredAt: '2026-11-20T09:00:01.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export function webhookSubscriptionResult(
  overrides: Partial<Omit<WebhookSubscriptionDetails, 'webhookDeliveries'>> = {},
  deliveries: WebhookDeliveryItem[] = [],
) {
  const subscription = webhookSubscriptionItem();
  return {
    data: {
      node: {
        ...subscription,
        updatedAt: '2026-11-21T09:00:00.000Z',
        version: 3,
        ...overrides,
        webhookDeliveries: {
          __typename: 'WebhookSubscriptionWebhookDeliveriesConnection',
          totalCount: deliveries.length,
          pageInfo,
          nodes: deliveries,
        },
      },
    },
  };
}

/** A mutation payload as the API answers it, refused or not. */
export function payload(
  typename: string,
  fields: Record<string, unknown>,
  userErrors: { code: string; message: string; field: string[] | null }[] = [],
) {
  return {
    data: {
      [typename]: {
        __typename: `${typename.charAt(0).toUpperCase()}${typename.slice(1)}Payload`,
        ...fields,
        userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
      },
    },
  };
}
