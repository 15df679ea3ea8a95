/**
 * A fake of the API for tests, installed as the global `fetch`: GraphQL operations are answered
 * by name, `/auth/*` by their handlers. Every request is recorded so tests can assert what was sent.
 */
import { vi } from 'vitest';

export interface GraphQLRequest {
  operationName: string;
  variables: Record<string, unknown>;
  headers: Headers;
}

export type GraphQLResult = {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

export interface FakeApiHandlers {
  /** Answers for each operation name; a function gets the variables. */
  graphql?: Record<string, GraphQLResult | ((request: GraphQLRequest) => GraphQLResult)>;
  login?: (body: unknown) => Response;
  logout?: () => Response;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function installFakeApi(handlers: FakeApiHandlers) {
  const graphqlRequests: GraphQLRequest[] = [];
  const fetchMock = vi.fn(
    async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const path = new URL(url, 'http://localhost').pathname;
      const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      await Promise.resolve();
      if (path === '/graphql') {
        const { operationName, variables = {} } = body as {
          operationName: string;
          variables?: Record<string, unknown>;
        };
        const request = { operationName, variables, headers: new Headers(init.headers) };
        graphqlRequests.push(request);
        const answer = handlers.graphql?.[operationName];
        if (!answer)
          throw new Error(`The fake API has no answer for the ${operationName} operation.`);
        return jsonResponse(typeof answer === 'function' ? answer(request) : answer);
      }
      if (path === '/auth/login' && handlers.login) return handlers.login(body);
      if (path === '/auth/logout' && handlers.logout) return handlers.logout();
      return jsonResponse({ error: { code: 'NOT_FOUND', message: `No fake for ${path}` } }, 404);
    },
  );
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    graphqlRequests,
    requestsFor: (operationName: string) =>
      graphqlRequests.filter((r) => r.operationName === operationName),
  };
}

/** A GraphQL error as the API sends it for a refused request. */
export function graphQLError(code: string, message = code): GraphQLResult {
  return { data: null, errors: [{ message, extensions: { code } }] };
}
