/**
 * The admin app's GraphQL client (urql + graphcache). Every request is a POST to `/graphql` with
 * the session cookie and the `apollo-require-preflight` header: the API's CSRF prevention refuses
 * cookie-carrying requests a browser could send cross-site without a preflight (simple GETs and
 * form posts), and urql would otherwise send short queries as GET.
 */
import { cacheExchange } from '@urql/exchange-graphcache';
import type { CacheExchangeOpts, KeyingConfig } from '@urql/exchange-graphcache';
import { Client, fetchExchange, mapExchange } from 'urql';
import type { CombinedError } from 'urql';

import { GRAPHQL_HEADERS, GRAPHQL_URL } from './graphql-endpoint';
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
  ].map((name) => `${name}Payload`),
];

const keys: KeyingConfig = Object.fromEntries(
  EMBEDDED_TYPES.map((typename) => [typename, () => null]),
);

/**
 * The operation root types, named. Without this, graphcache takes any type called `Subscription`
 * for GraphQL's subscription root and refuses to cache it, and Switchyard's `Subscription` is a
 * domain object (the API has no subscription root). No `types`: only the root names are given, so
 * graphcache does no schema validation and the bundle carries no introspection.
 */
const ROOT_TYPES: NonNullable<CacheExchangeOpts['schema']> = {
  __schema: {
    queryType: { name: 'Query' },
    mutationType: { name: 'Mutation' },
    subscriptionType: { name: 'SubscriptionRoot' },
  },
};

export interface AdminClientOptions {
  /** Called when the API reports that the session is gone (expired, or signed out elsewhere). */
  onUnauthenticated?: () => void;
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
    ],
  });
}
