/**
 * The admin app's GraphQL client (urql + graphcache). Every request is a POST to `/graphql` with
 * the session cookie and the `apollo-require-preflight` header: the API's CSRF prevention refuses
 * cookie-carrying requests a browser could send cross-site without a preflight (simple GETs and
 * form posts), and urql would otherwise send short queries as GET. Subscriptions (live updates)
 * go over a WebSocket instead (./live-updates.ts).
 */
import { cacheExchange } from '@urql/exchange-graphcache';
import type { CacheExchangeOpts, KeyingConfig } from '@urql/exchange-graphcache';
import { Client, fetchExchange, mapExchange } from 'urql';
import type { CombinedError, Exchange } from 'urql';

import { GRAPHQL_HEADERS, GRAPHQL_URL } from './graphql-endpoint';
import { createLiveClient, liveSubscriptionExchange } from './live-updates';
import { optimisticUpdates } from './optimistic-updates';

/**
 * Types without an id of their own: graphcache stores them inside their parent instead of
 * normalising them. Connection and edge types are listed by name as the API schema prints them.
 */
const EMBEDDED_TYPES = [
  'Viewer',
  'PageInfo',
  'UserError',
  'TransferEligibility',
  'ChannelRules',
  'Invitation',
  'SubscriptionImportCell',
  'SubscriptionImportRowsConnection',
  'SubscriptionImportRowsConnectionEdge',
  'QuerySubscriptionImportsConnection',
  'QuerySubscriptionImportsConnectionEdge',
  ...[
    'Customer',
    'Subscription',
    'RelationshipRequest',
    'Transfer',
    'IndirectLink',
    'AuditEvent',
    'ApiKey',
    'User',
    'Offer',
    'QueryPartners',
    'QueryWebhookSubscriptions',
    'WebhookSubscriptionWebhookDeliveries',
  ].flatMap((name) => [`${name}Connection`, `${name}Edge`, `${name}ConnectionEdge`]),
  // Mutation payloads: never cached on their own.
  ...[
    'CustomerCreate',
    'RelationshipRequestCreate',
    'RelationshipRequestAnswer',
    'RelationshipRequestRevoke',
    'RelationshipTerminate',
    'SubscriptionCreate',
    'SubscriptionRegisterExternal',
    'SubscriptionManage',
    'SubscriptionUpdate',
    'SubscriptionSuspend',
    'SubscriptionReactivate',
    'SubscriptionCancel',
    'SubscriptionServiceCancel',
    'TransferCreate',
    'TransferAccept',
    'TransferReject',
    'TransferCancel',
    'IndirectLink',
    'ApiKeyCreate',
    'ApiKeyRevoke',
    'User',
    'WebhookSubscriptionCreate',
    'WebhookSubscriptionUpdate',
    'WebhookSubscriptionDelete',
    'WebhookDeliveryRedeliver',
    'SubscriptionImportPreview',
    'SubscriptionImportStart',
    'SubscriptionImportCancel',
  ].map((name) => `${name}Payload`),
];

const keys: KeyingConfig = Object.fromEntries(
  EMBEDDED_TYPES.map((typename) => [typename, () => null]),
);

/**
 * The operation root types, named (the API's subscription root is `Subscription`; a customer's
 * subscription is `CustomerSubscription`). No `types`: only the root names are given, so
 * graphcache does no schema validation and the bundle carries no introspection.
 */
const ROOT_TYPES: NonNullable<CacheExchangeOpts['schema']> = {
  __schema: {
    queryType: { name: 'Query' },
    mutationType: { name: 'Mutation' },
    subscriptionType: { name: 'Subscription' },
  },
};

export interface AdminClientOptions {
  /** Called when the API reports that the session is gone (expired, or signed out elsewhere). */
  onUnauthenticated?: () => void;
  /** Where subscriptions go; default: graphql-ws on this origin (./live-updates.ts). */
  liveUpdates?: Exchange;
}

export function isUnauthenticatedError(error: CombinedError): boolean {
  const response = error.response as Response | undefined;
  return (
    response?.status === 401 ||
    error.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === 'UNAUTHENTICATED')
  );
}

export function createAdminClient(options: AdminClientOptions = {}): Client {
  return new Client({
    url: GRAPHQL_URL,
    preferGetMethod: false,
    fetchOptions: { credentials: 'include', headers: { ...GRAPHQL_HEADERS } },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticatedError(error)) options.onUnauthenticated?.();
        },
      }),
      cacheExchange({ keys, schema: ROOT_TYPES, optimistic: optimisticUpdates }),
      fetchExchange,
      options.liveUpdates ?? liveSubscriptionExchange(createLiveClient()),
    ],
  });
}
