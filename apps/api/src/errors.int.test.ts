/** Error masking end to end over HTTP, in production and development, with a schema whose fields fail on purpose. */
import { DomainError } from '@switchyard/domain';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test/database.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';
import type { RunningServer } from './server.js';

const failingSchema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      bug: { type: GraphQLString, resolve: () => { throw new Error('connection string postgres://secret@db leaked'); } },
      rule: { type: GraphQLString, resolve: () => { throw new DomainError('CLOUD_MISMATCH', 'The customer is in another cloud.'); } },
    },
  }),
});

const testDatabase = useTestDatabase();

async function serve(isProduction: boolean) {
  return startServer({
    database: testDatabase.database,
    schema: failingSchema,
    logger: createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
    isProduction,
    sessionTtlHours: 1,
    publicUrl: 'http://localhost:4000',
  });
}

async function post(server: RunningServer, query: string) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
}

describe('errors in production', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(true);
  });
  afterAll(() => server.stop());

  it('masks unexpected errors as "Internal server error" without a stack trace', async () => {
    const { errors } = await post(server, '{ bug }');
    expect(errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['bug'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });

  it('keeps domain error codes and messages', async () => {
    const { errors } = await post(server, '{ rule }');
    expect(errors[0]).toMatchObject({ message: 'The customer is in another cloud.', extensions: { code: 'CLOUD_MISMATCH' } });
    expect(errors[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('keeps GraphQL validation errors, without a stack trace', async () => {
    const { errors } = await post(server, '{ nope }');
    expect(errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0]?.extensions).not.toHaveProperty('stacktrace');
  });
});

describe('errors in development', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(false);
  });
  afterAll(() => server.stop());

  it('shows the message of an unexpected error, still coded INTERNAL_SERVER_ERROR', async () => {
    const { errors } = await post(server, '{ bug }');
    expect(errors[0]?.message).toMatch(/leaked/);
    expect(errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
