/**
 * The preflight's verdict on a query text — parsed and valid, or refused with its errors — kept in
 * a bounded LRU per schema, keyed by the text's SHA-256. Clients send the same few operations over
 * and over, and an attacker repeats its payload: a text seen before then costs a hash and a map
 * lookup instead of a parse and a full validation. Only what depends on the text alone is kept;
 * choosing the operation and its cost (which reads the variables) stay per request.
 *
 * A new text is checked cheapest first: the parser's token limit, then the depth and alias rules
 * alone (one short walk), and only a document within them gets GraphQL's full rule set.
 */
import { createHash } from 'node:crypto';
import { GraphQLError, parse, specifiedRules, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { LIMIT_VALIDATION_RULES, OPERATION_LIMITS } from './operation-limits.js';

export type DocumentVerdict =
  | { ok: true; document: DocumentNode }
  | { ok: false; code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'; messages: string[] };

/** Distinct query texts remembered per schema and mode; the least recently used goes first. */
export const DOCUMENT_VERDICT_CACHE_SIZE = 1_000;

const FULL_RULES = [...specifiedRules, ...LIMIT_VALIDATION_RULES];

/** Parses and validates `query`, or answers from the cache. */
export function documentVerdict(
  schema: GraphQLSchema,
  query: string,
  { isProduction }: { isProduction: boolean },
): DocumentVerdict {
  // Production hides "did you mean" hints, so its messages differ: one cache per mode.
  const cache = cacheFor(schema, isProduction);
  const key = createHash('sha256').update(query).digest('base64');
  const cached = cache.get(key);
  if (cached) {
    // Most recently used last: re-inserting moves it to the end of the Map's order.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const verdict = checkDocument(schema, query, isProduction);
  cache.set(key, verdict);
  if (cache.size > DOCUMENT_VERDICT_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return verdict;
}

function checkDocument(
  schema: GraphQLSchema,
  query: string,
  isProduction: boolean,
): DocumentVerdict {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: OPERATION_LIMITS.maxTokens });
  } catch (error) {
    return {
      ok: false,
      code: 'GRAPHQL_PARSE_FAILED',
      messages: [
        error instanceof GraphQLError ? error.message : 'The query text could not be parsed.',
      ],
    };
  }
  const options = { hideSuggestions: isProduction };
  const overLimits = validate(schema, document, LIMIT_VALIDATION_RULES, options);
  const errors =
    overLimits.length > 0 ? overLimits : validate(schema, document, FULL_RULES, options);
  if (errors.length > 0)
    return {
      ok: false,
      code: 'GRAPHQL_VALIDATION_FAILED',
      messages: errors.map((error) => error.message),
    };
  return { ok: true, document };
}

const caches = new WeakMap<GraphQLSchema, Map<boolean, Map<string, DocumentVerdict>>>();

function cacheFor(schema: GraphQLSchema, isProduction: boolean): Map<string, DocumentVerdict> {
  let bySchema = caches.get(schema);
  if (!bySchema) {
    bySchema = new Map();
    caches.set(schema, bySchema);
  }
  let cache = bySchema.get(isProduction);
  if (!cache) {
    cache = new Map();
    bySchema.set(isProduction, cache);
  }
  return cache;
}
