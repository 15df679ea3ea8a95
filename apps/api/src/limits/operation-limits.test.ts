/** The operation limits on documents: cost, depth, aliases, introspection, and the HTTP preflight's verdicts. */
import { parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import {
  isIntrospection,
  LIMIT_VALIDATION_RULES,
  OPERATION_LIMITS,
  operationCost,
  selectOperation,
} from './operation-limits.js';
import { preflightGraphQLRequest } from './request-preflight.js';
import type { PreflightRequest } from './request-preflight.js';

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = selectOperation(document, undefined);
  if (!operation) throw new Error('no operation');
  return operationCost(schema, document, operation, variables);
}

function limitErrors(query: string): string[] {
  return validate(schema, parse(query), [...specifiedRules, ...LIMIT_VALIDATION_RULES]).map(
    (error) => error.message,
  );
}

/** `customer(id) { subscriptions { nodes { customer { … } } } }`, `hops` times. */
function nested(hops: number): string {
  let selection = 'id';
  for (let hop = 0; hop < hops; hop += 1)
    selection = `subscriptions { nodes { customer { ${selection} } } }`;
  return `{ customer(id: "x") { ${selection} } }`;
}

describe('operationCost', () => {
  it('counts one per field, and multiplies what is under a connection by its page size', () => {
    expect(costOf('{ viewer { role } }')).toBe(2);
    expect(costOf('{ customers(first: 10) { totalCount nodes { id companyName } } }')).toBe(
      1 + 10 + 10 + 20,
    );
    expect(
      costOf('{ customers(first: 10) { nodes { subscriptions(first: 10) { nodes { id } } } } }'),
    ).toBe(1 + 10 + 10 + 100 + 100);
  });

  it('reads page sizes from variables and uses the default page when none is given', () => {
    expect(costOf('query ($n: Int) { customers(first: $n) { nodes { id } } }', { n: 50 })).toBe(
      1 + 50 + 50,
    );
    expect(costOf('{ customers { nodes { id } } }')).toBe(1 + 20 + 20);
  });

  it('follows fragments, counts nodes(ids) by its ids, and ignores introspection', () => {
    expect(costOf('{ ...F } fragment F on Query { viewer { role } }')).toBe(2);
    expect(costOf('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(1 + 3);
    expect(costOf('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('makes nested pages of 100 too costly', () => {
    expect(
      costOf('{ customers(first: 100) { nodes { subscriptions(first: 100) { nodes { id } } } } }'),
    ).toBeGreaterThan(OPERATION_LIMITS.maxCost);
  });
});

describe('validation limits', () => {
  it('allows a realistic page and refuses nesting deeper than the limit', () => {
    expect(limitErrors(nested(4))).toEqual([]);
    expect(limitErrors(nested(6))).toEqual([
      expect.stringMatching(/nests fields 20 levels deep; at most 15/),
    ]);
  });

  it('refuses more aliases than the limit, in fragments too', () => {
    const aliases = (count: number) =>
      Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ');
    expect(limitErrors(`{ ${aliases(OPERATION_LIMITS.maxAliases)} }`)).toEqual([]);
    expect(
      limitErrors(`{ ...F } fragment F on Query { ${aliases(OPERATION_LIMITS.maxAliases + 1)} }`),
    ).toEqual([expect.stringMatching(/more than 50 aliases/)]);
  });

  it('lets GraphQL refuse fragment cycles, and the depth rule survives them', () => {
    expect(
      limitErrors('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/Cannot spread fragment "A" within itself/)]),
    );
  });
});

describe('isIntrospection', () => {
  it.each([
    ['{ __schema { queryType { name } } }', true],
    ['{ __type(name: "Customer") { name } }', true],
    ['{ ...F } fragment F on Query { __schema { types { name } } }', true],
    ['{ __typename viewer { role } }', false],
  ])('%s → %s', (query, expected) => {
    const document = parse(query);
    const operation = selectOperation(document, undefined);
    expect(operation && isIntrospection(document, operation)).toBe(expected);
  });
});

function request(
  overrides: Partial<PreflightRequest> & { headers?: Record<string, string> } = {},
): PreflightRequest {
  const method = overrides.method ?? 'POST';
  const headers: Record<string, string> = {
    ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    ...overrides.headers,
  };
  return {
    method,
    header: (name) => headers[name.toLowerCase()],
    body: overrides.body ?? { query: '{ viewer { role } }' },
    query: overrides.query ?? {},
  };
}

describe('preflightGraphQLRequest', () => {
  const preflight = (overrides: Parameters<typeof request>[0]) =>
    preflightGraphQLRequest(request(overrides), schema, { isProduction: true });
  const refusal = (overrides: Parameters<typeof request>[0]) => {
    const result = preflight(overrides);
    return result.ok
      ? { status: 200 }
      : { status: result.status, code: result.body.errors[0]?.extensions.code };
  };

  it('passes a plain query with its cost', () => {
    expect(preflight({})).toMatchObject({ ok: true, cost: 2 });
  });

  it.each<[string, Parameters<typeof request>[0], { status: number; code?: unknown }]>([
    [
      'a batched array',
      { body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] },
      { status: 400, code: 'BAD_REQUEST' },
    ],
    [
      'a text/plain post',
      { headers: { 'content-type': 'text/plain' } },
      { status: 400, code: 'BAD_REQUEST' },
    ],
    [
      'a form post',
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { status: 400, code: 'BAD_REQUEST' },
    ],
    [
      'another content type',
      { headers: { 'content-type': 'application/graphql' } },
      { status: 415, code: 'BAD_REQUEST' },
    ],
    [
      'a GET without a CSRF header',
      { method: 'GET', headers: {}, query: { query: '{ __typename }' } },
      { status: 400, code: 'BAD_REQUEST' },
    ],
    [
      'a mutation over GET',
      {
        method: 'GET',
        headers: { 'apollo-require-preflight': 'true' },
        query: { query: 'mutation { __typename }' },
      },
      { status: 405, code: 'BAD_REQUEST' },
    ],
    [
      'a persisted-query hash without text',
      { body: { extensions: { persistedQuery: { sha256Hash: 'abc' } } } },
      { status: 400, code: 'BAD_REQUEST' },
    ],
    [
      'a document over the size limit',
      { body: { query: `{ __typename ${' '.repeat(OPERATION_LIMITS.maxDocumentBytes)} }` } },
      { status: 413, code: 'BAD_REQUEST' },
    ],
    [
      'a document over the token limit',
      { body: { query: `{ ${'a '.repeat(OPERATION_LIMITS.maxTokens)} }` } },
      { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    ],
    [
      'nesting over the depth limit',
      { body: { query: nested(6) } },
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    ],
    [
      'an operation over the cost limit',
      {
        body: {
          query:
            '{ customers(first: 100) { nodes { subscriptions(first: 100) { nodes { id } } } } }',
        },
      },
      { status: 400, code: 'QUERY_TOO_COSTLY' },
    ],
    [
      'a huge first hidden in a variable',
      {
        body: {
          query: 'query ($n: Int) { customers(first: $n) { nodes { id } } }',
          variables: { n: 1_000_000 },
        },
      },
      { status: 400, code: 'QUERY_TOO_COSTLY' },
    ],
    [
      'several operations without a name',
      { body: { query: 'query A { __typename } query B { __typename }' } },
      { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
    ],
  ])('refuses %s', (_name, overrides, expected) => {
    expect(refusal(overrides)).toEqual(expected);
  });

  it('gives no "did you mean" hints in production', () => {
    const result = preflight({ body: { query: '{ viewr { role } }' } });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/Did you mean/);
    const development = preflightGraphQLRequest(
      request({ body: { query: '{ viewr { role } }' } }),
      schema,
      { isProduction: false },
    );
    expect(JSON.stringify(development)).toMatch(/Did you mean/);
  });
});

describe('introspection nesting', () => {
  it('is refused past GraphQL’s own introspection depth limit, so a signed-in caller cannot blow up the answer', () => {
    const deep =
      '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }';
    expect(limitErrors(deep)).toEqual(
      expect.arrayContaining([expect.stringMatching(/introspection/i)]),
    );
  });
});
