/**
 * GraphiQL's fetcher for Switchyard: POST `/graphql` with the session cookie, the CSRF-prevention
 * header, and — when the developer gave one — `Authorization: Bearer <API key>`. Headers typed in
 * GraphiQL's own headers editor are sent too, and win.
 */
import type { ExecutionResult } from 'graphql';
import { GRAPHQL_HEADERS, GRAPHQL_URL } from '../app/graphql-endpoint';

export interface GraphQLParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/** The shape of GraphiQL's `fetcher` prop, for HTTP queries and mutations. */
export type SwitchyardFetcher = (
  params: GraphQLParams,
  options?: { headers?: Record<string, unknown> },
) => Promise<ExecutionResult>;

export function createSwitchyardFetcher(options: { apiKey: string | null }): SwitchyardFetcher {
  return async (params, fetcherOptions) => {
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
}
