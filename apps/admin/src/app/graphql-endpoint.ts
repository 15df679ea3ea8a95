/**
 * Where and how the browser talks to the API, shared by the admin app's client and GraphiQL.
 * A module of its own so GraphiQL's bundle does not pull in the app's client.
 */
export const GRAPHQL_URL = '/graphql';

/**
 * Headers every GraphQL request carries. The API's CSRF prevention refuses cookie-carrying requests
 * a browser could send cross-site without a preflight; this header forces the preflight.
 */
export const GRAPHQL_HEADERS = { 'apollo-require-preflight': 'true' } as const;

/** Live updates (GraphQL subscriptions): `ws://` or `wss://` and this page's host, the API's own origin. */
export function liveUpdatesUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_URL}`;
}
