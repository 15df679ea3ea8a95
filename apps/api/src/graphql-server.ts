/**
 * The Apollo Server that executes GraphQL for HTTP (server.ts) and for the in-process test
 * executor (src/test/execute-operation.ts): same schema, plugins and error formatting.
 *
 * Settings and why: the landing page is disabled (Apollo's loads a CDN; our GraphiQL is served by
 * the admin build at /graphiql), introspection is for signed-in callers (the schema is committed
 * anyway, but an anonymous caller has no use for it), HTTP batching is off (one request = one
 * transaction = one operation), CSRF prevention is on (a GET or a simple-content-type POST needs a
 * non-simple header, so a browser form on another site cannot make a signed-in user's browser run
 * an operation), and every operation passes the limits of src/limits/ (size, depth, aliases, cost).
 */
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { Kind, OperationTypeNode } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import { createErrorFormatter } from './errors.js';
import { operationLimitsPlugin } from './limits/operation-limits-plugin.js';
import { LIMIT_VALIDATION_RULES, OPERATION_LIMITS } from './limits/operation-limits.js';
import type { Logger } from './logger.js';
import { graphQLErrorCode } from './observability/metrics.js';
import type { Metrics } from './observability/metrics.js';

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  isProduction: boolean;
  logger: Logger;
  /** The HTTP server to drain on stop (in-flight requests finish before the database closes). */
  httpServer?: Server;
  /** Counts the errors answered, by code (/metrics). */
  metrics?: Pick<Metrics, 'recordGraphQLError'>;
}

/** Records what the operation was and whether it failed, for the request transaction's commit decision. */
const requestOutcomePlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ contextValue, operation }) {
        contextValue.outcome.operationType = operation?.operation;
        const [only, ...others] = operation?.selectionSet.selections ?? [];
        contextValue.outcome.isSoleMutation =
          operation?.operation === OperationTypeNode.MUTATION && others.length === 0 && only?.kind === Kind.FIELD;
        return Promise.resolve();
      },
      willSendResponse({ contextValue, response }) {
        if (response.body.kind === 'single' && response.body.singleResult.errors?.length) {
          contextValue.outcome.hasErrors = true;
        }
        return Promise.resolve();
      },
    });
  },
};

/** Counts the errors as the client sees them (formatted: every one has a code). */
function errorMetricsPlugin(metrics: Pick<Metrics, 'recordGraphQLError'>): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          for (const error of response.body.singleResult.errors ?? []) metrics.recordGraphQLError(graphQLErrorCode(error));
          return Promise.resolve();
        },
      });
    },
  };
}

export function createGraphQLServer({ schema, isProduction, logger, httpServer, metrics }: GraphQLServerOptions): ApolloServer<Context> {
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginLandingPageDisabled(),
    // Apollo's cache-control plugin (on by default) computes a cache hint for every field it
    // resolves — about a tenth of the API's time on a page of 50 customers × 10 subscriptions
    // (pnpm bench --cpu-prof) — for a header that would only ever say "private, no caching".
    ApolloServerPluginCacheControlDisabled(),
    requestOutcomePlugin,
    operationLimitsPlugin(),
  ];
  if (metrics) plugins.push(errorMetricsPlugin(metrics));
  if (httpServer) plugins.push(ApolloServerPluginDrainHttpServer({ httpServer }));
  return new ApolloServer<Context>({
    schema,
    plugins,
    // Introspection is allowed to signed-in callers only (operationLimitsPlugin refuses the others).
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Every operation arrives as text, so each one passes the limits (src/limits/); no hash-only requests.
    persistedQueries: false,
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    validationRules: [...LIMIT_VALIDATION_RULES],
    // No "did you mean …?" hints that map the schema for an attacker.
    hideSchemaDetailsFromClientErrors: isProduction,
    validationOptions: { hideSuggestions: isProduction },
    includeStacktraceInErrorResponses: !isProduction,
    formatError: createErrorFormatter({
      isProduction,
      onInternalError: (error) => logger.error('GraphQL resolver failed', error),
    }),
    logger: {
      debug: (message: unknown) => logger.debug(String(message)),
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
    // Signals are handled by main.ts, which also closes the database after Apollo stops.
    stopOnTerminationSignals: false,
  });
}
