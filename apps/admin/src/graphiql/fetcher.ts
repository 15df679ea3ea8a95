/**
 * GraphiQL's fetcher for Switchyard: POST `/graphql` with the session cookie, the CSRF-prevention
 * header, and — when the developer gave one — `Authorization: Bearer <API key>`. Headers typed in
 * GraphiQL's own headers editor are sent too, and win. Subscriptions go over a WebSocket
 * (graphql-ws) on the same path, with the API key as connection parameter (or the session cookie).
 */
import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import type { ExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { GRAPHQL_HEADERS, GRAPHQL_URL, liveUpdatesUrl } from '../app/graphql-endpoint';

export interface GraphQLParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/** The shape of GraphiQL's `fetcher` prop: a result over HTTP, or a subscription's stream of results. */
export type SwitchyardFetcher = (
  params: GraphQLParams,
  options?: { headers?: Record<string, unknown> },
) => Promise<ExecutionResult> | AsyncIterable<ExecutionResult>;

function isSubscription({ query, operationName }: GraphQLParams): boolean {
  try {
    return getOperationAST(parse(query), operationName)?.operation === OperationTypeNode.SUBSCRIPTION;
  } catch {
    // Not valid GraphQL: the server explains why, over HTTP.
    return false;
  }
}

export function createSwitchyardFetcher(options: { apiKey: string | null }): SwitchyardFetcher {
  let liveClient: Client | undefined;
  const subscribe = (params: GraphQLParams) => {
    liveClient ??= createClient({
      url: liveUpdatesUrl(),
      connectionParams: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
    });
    // JSON results, as the HTTP path returns too.
    return liveClient.iterate({
      query: params.query,
      operationName: params.operationName ?? null,
      variables: (params.variables ?? null) as Record<string, unknown> | null,
    }) as AsyncIterable<ExecutionResult>;
  };
  const post = async (params: GraphQLParams, fetcherOptions?: { headers?: Record<string, unknown> }) => {
    const typedHeaders = Object.fromEntries(
      Object.entries(fetcherOptions?.headers ?? {}).map(([name, value]) => [
        name.toLowerCase(),
        String(value),
      ]),
    );
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...GRAPHQL_HEADERS,
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...typedHeaders,
    };
    const response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      credentials: 'include',
      headers,
      body: JSON.stringify(params),
    });
    try {
      return (await response.json()) as ExecutionResult;
    } catch {
      // Not JSON (a proxy's error page, a crash): still show the developer something useful.
      return {
        errors: [
          {
            message: `The server answered ${response.status} ${response.statusText} without JSON.`,
          },
        ],
      } as unknown as ExecutionResult;
    }
  };
  return (params, fetcherOptions) => (isSubscription(params) ? subscribe(params) : post(params, fetcherOptions));
}
