/**
 * The operation limits inside Apollo, for every execution (HTTP requests were already checked by
 * request-preflight.ts; the in-process executor of the tests comes through here only):
 * introspection only for a signed-in caller, the cost budget (QUERY_TOO_COSTLY), and the cost
 * reported in the response's `extensions.cost`. Depth and aliases are validation rules (see
 * graphql-server.ts), so they need nothing here.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import {
  isIntrospection,
  OPERATION_LIMITS,
  operationCost,
  tooCostly,
} from './operation-limits.js';

export function operationLimitsPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      let cost: number | undefined;
      return Promise.resolve({
        didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return Promise.resolve();
          if (!contextValue.isAuthenticated && isIntrospection(document, operation)) {
            throw new GraphQLError(
              'Sign in (or send an API key) to read the schema; it is published in the repository as schema.graphql.',
              {
                extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
              },
            );
          }
          cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > OPERATION_LIMITS.maxCost) {
            const { message, extensions } = tooCostly(cost);
            throw new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          if (cost !== undefined && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = {
              ...result.extensions,
              cost: { requested: cost, limit: OPERATION_LIMITS.maxCost },
            };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
