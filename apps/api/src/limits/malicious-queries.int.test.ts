/**
 * Malicious and runaway requests over HTTP are refused before any SQL runs: the database's
 * statement counter (`database.queryCounter`, which counts at the driver) does not move. Also the
 * cost in `extensions.cost`, QUERY_TOO_COSTLY inside GraphQL, introspection for signed-in callers
 * only, and production answers without stack traces or "did you mean" hints.
 */
import { describe, expect, it } from 'vitest';
import { createPartnerWithAdmin } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { asApiKey, useExecutor } from '../test/execute-operation.js';
import { bearer, useTestServer } from '../test/http.js';
import { OPERATION_LIMITS } from './operation-limits.js';

const testDatabase = useTestDatabase();
const server = useTestServer(testDatabase);
const production = useTestServer(testDatabase, { isProduction: true });
const execute = useExecutor(testDatabase);

/** `customer(id) { subscriptions { nodes { customer { … } } } }`, `hops` times: 3 levels a hop. */
function nested(hops: number): string {
  let selection = 'id';
  for (let hop = 0; hop < hops; hop += 1)
    selection = `subscriptions { nodes { customer { ${selection} } } }`;
  return `{ customer(id: "x") { ${selection} } }`;
}

interface Attack {
  name: string;
  init: RequestInit;
  path?: string;
  status: number;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const aliases = (count: number) =>
  Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ');

const ATTACKS: Attack[] = [
  { name: 'deep nesting', init: json({ query: nested(8) }), status: 400 },
  { name: 'an alias flood', init: json({ query: `{ ${aliases(1_000)} }` }), status: 400 },
  {
    name: 'an alias flood hidden in a fragment',
    init: json({ query: `{ ...F } fragment F on Query { ${aliases(60)} }` }),
    status: 400,
  },
  {
    name: 'a huge first',
    init: json({ query: '{ customers(first: 100000) { nodes { id } } }' }),
    status: 400,
  },
  {
    name: 'nested pages of 100',
    init: json({
      query:
        '{ customers(first: 100) { nodes { subscriptions(first: 100) { nodes { id offer { name } } } } } }',
    }),
    status: 400,
  },
  {
    name: 'a huge first in a variable',
    init: json({
      query: 'query ($n: Int) { customers(first: $n) { nodes { id } } }',
      variables: { n: 10_000_000 },
    }),
    status: 400,
  },
  {
    name: 'a fragment cycle',
    init: json({
      query: '{ ...A } fragment A on Query { viewer { role } ...B } fragment B on Query { ...A }',
    }),
    status: 400,
  },
  {
    name: 'a batched array',
    init: json([{ query: '{ viewer { role } }' }, { query: '{ viewer { role } }' }]),
    status: 400,
  },
  {
    name: 'a giant document',
    init: json({ query: `{ viewer { role } } # ${'x'.repeat(OPERATION_LIMITS.maxDocumentBytes)}` }),
    status: 413,
  },
  {
    name: 'a document of too many tokens',
    init: json({ query: `{ viewer { ${'role '.repeat(OPERATION_LIMITS.maxTokens)} } }` }),
    status: 400,
  },
  {
    name: 'a body over 1 MB',
    init: json({ query: '{ viewer { role } }', variables: { padding: 'x'.repeat(1_100_000) } }),
    status: 413,
  },
  {
    name: 'a mutation over GET',
    path: `/graphql?query=${encodeURIComponent('mutation { apiKeyCreate(input: { name: "x", role: GLOBAL_ADMIN }) { userErrors { code } } }')}`,
    init: { method: 'GET', headers: { 'apollo-require-preflight': 'true' } },
    status: 405,
  },
  {
    name: 'a GET without a CSRF header',
    path: `/graphql?query=${encodeURIComponent('{ viewer { role } }')}`,
    init: { method: 'GET' },
    status: 400,
  },
  {
    name: 'a text/plain post',
    init: {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    },
    status: 400,
  },
  {
    name: 'a form post',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent('mutation { apiKeyCreate(input: { name: "x", role: GLOBAL_ADMIN }) { userErrors { code } } }')}`,
    },
    status: 400,
  },
  {
    name: 'a multipart form post',
    init: {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ viewer { role } }\r\n--x--',
    },
    status: 400,
  },
  {
    name: 'a persisted-query hash',
    init: json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    status: 400,
  },
];

describe('malicious requests', () => {
  it.each(ATTACKS)(
    'refuses $name before any SQL runs, even with a valid API key',
    async (attack) => {
      const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
      const { database } = testDatabase;
      const headers = {
        ...(attack.init.headers as Record<string, string> | undefined),
        ...bearer(apiKey.secret),
      };
      const { result: response, queries } = await database.queryCounter.measure(() =>
        server.fetch(attack.path ?? '/graphql', { ...attack.init, headers }),
      );
      expect(response.status).toBe(attack.status);
      expect(queries).toBe(0);
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBeTruthy();
    },
  );

  it('answers the same limits with QUERY_TOO_COSTLY or a validation error inside GraphQL (the in-process path)', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const costly = await execute(
      '{ customers(first: 100) { nodes { subscriptions(first: 100) { nodes { id } } } } }',
      {},
      { as: asApiKey(apiKey) },
    );
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const deep = await execute(nested(8), {}, { as: asApiKey(apiKey) });
    expect(deep.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('what a request costs', () => {
  it('is reported in extensions.cost with the limit', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const response = await server.graphql(
      '{ customers(first: 10) { totalCount nodes { id companyName } } }',
      { headers: bearer(apiKey.secret) },
    );
    expect(response.status).toBe(200);
    expect((response.body as { extensions?: unknown }).extensions).toEqual({
      cost: { requested: 41, limit: OPERATION_LIMITS.maxCost },
    });
  });

  it('over the budget is QUERY_TOO_COSTLY with the cost it would have had', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const response = await server.graphql(
      '{ customers(first: 100) { nodes { subscriptions(first: 100) { nodes { id } } } } }',
      { headers: bearer(apiKey.secret) },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COSTLY',
      cost: { requested: 20_201, limit: OPERATION_LIMITS.maxCost },
    });
  });
});

describe('introspection', () => {
  it('is refused without credentials — the one statement is the rate limiter’s — and served with them', async () => {
    const { database } = testDatabase;
    database.queryCounter.record = true;
    const { result: anonymous, recorded } = await database.queryCounter.measure(() =>
      server.graphql('{ __schema { types { name } } }'),
    );
    database.queryCounter.record = false;
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatch(/rate_limit_buckets/);

    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const signedIn = await server.graphql('{ __schema { queryType { name } } }', {
      headers: bearer(apiKey.secret),
    });
    expect(signedIn.body).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('in production', () => {
  it('answers without stack traces or "did you mean" hints, in validation and in variables', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const typo = await production.graphql('{ viewr { role } }', { headers: bearer(apiKey.secret) });
    const badEnum = await production.graphql(
      'mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { userErrors { code } } }',
      {
        headers: bearer(apiKey.secret),
        variables: { input: { name: 'x', role: 'GLOBAL_ADMN' } },
      },
    );
    for (const response of [typo, badEnum]) {
      expect(response.body.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/Did you mean|stacktrace|\bat [\w.]+ \(/);
    }
    const development = await server.graphql('{ viewr { role } }', {
      headers: bearer(apiKey.secret),
    });
    expect(JSON.stringify(development.body)).toMatch(/Did you mean/);
  });
});
