/**
 * Runs GraphQL operations in-process, through exactly the path an HTTP request takes after its
 * credentials are checked: the actor is loaded (with the same checks), the partner's request
 * transaction opens, Apollo executes against the real schema and database with the same plugins
 * and error formatting, and the transaction commits or rolls back by the same rule.
 *
 *   const execute = createExecutor(testDatabase.database);
 *   const result = await execute(`query { viewer { role } }`, {}, { as: asUser(user) });
 *   expect(result.errors).toBeUndefined();
 */
import type { DocumentNode, GraphQLFormattedError, TypedQueryDocumentNode } from 'graphql';
import { loadActor } from '../auth/authenticate.js';
import { withRequestContext } from '../context.js';
import type { Database } from '../db/client.js';
import { createGraphQLServer } from '../graphql-server.js';
import { createLogger } from '../logger.js';
import { schema } from '../schema/index.js';

export interface ActorReference {
  type: 'user' | 'apiKey';
  id: string;
}

export const asUser = (user: { id: string }): ActorReference => ({ type: 'user', id: user.id });
export const asApiKey = (key: { id: string }): ActorReference => ({ type: 'apiKey', id: key.id });

export interface ExecuteOptions {
  /** Who runs the operation; omitted or null: nobody signed in. */
  as?: ActorReference | null;
  idempotencyKey?: string;
}

export interface ExecutionResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

export type ExecuteOperation = <TData = Record<string, unknown>, TVariables extends Record<string, unknown> = Record<string, unknown>>(
  document: string | DocumentNode | TypedQueryDocumentNode<TData, TVariables>,
  variables?: TVariables,
  options?: ExecuteOptions,
) => Promise<ExecutionResult<TData>>;

export function createExecutor(database: Database, { isProduction = false }: { isProduction?: boolean } = {}): ExecuteOperation {
  const server = createGraphQLServer({ schema, isProduction, logger: createLogger('silent') });
  return async (document, variables, options = {}) => {
    const authenticated = options.as ? await loadActor(database.db, options.as) : null;
    if (options.as && !authenticated) throw new Error(`No active ${options.as.type} with id ${options.as.id}`);
    const response = await withRequestContext(
      database,
      { authenticated, idempotencyKey: options.idempotencyKey, publicUrl: 'http://localhost:4000' },
      (contextValue) =>
        server.executeOperation(
          { query: document, variables },
          { contextValue },
        ),
    );
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not used by Switchyard');
    const { data, errors } = response.body.singleResult;
    return errors ? { data: data as never, errors } : { data: data as never };
  };
}

/** An executor for the test file's database (see useTestDatabase), created on first use. */
export function useExecutor(testDatabase: { readonly database: Database }): ExecuteOperation {
  let executor: ExecuteOperation | undefined;
  return (document, variables, options) => {
    executor ??= createExecutor(testDatabase.database);
    return executor(document, variables, options);
  };
}
