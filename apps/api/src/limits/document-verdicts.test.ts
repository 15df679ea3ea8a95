/** The preflight's cached verdicts on query texts: reused, per mode, bounded. */
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { DOCUMENT_VERDICT_CACHE_SIZE, documentVerdict } from './document-verdicts.js';

const PRODUCTION = { isProduction: true };

describe('documentVerdict', () => {
  it('parses a text once and answers the same document when it comes again', () => {
    const first = documentVerdict(schema, '{ viewer { role } }', PRODUCTION);
    const again = documentVerdict(schema, '{ viewer { role } }', PRODUCTION);
    expect(first.ok).toBe(true);
    expect(again).toBe(first);
  });

  it('keeps a refusal with its code and messages', () => {
    const deep = `{ ${'customers { nodes { subscriptions { nodes { customer { '.repeat(3)}id${' } } } } }'.repeat(3)} }`;
    const refused = documentVerdict(schema, deep, PRODUCTION);
    expect(refused).toMatchObject({ ok: false, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(refused.ok ? [] : refused.messages).toEqual([expect.stringMatching(/levels deep/)]);
    expect(documentVerdict(schema, deep, PRODUCTION)).toBe(refused);
    expect(documentVerdict(schema, '{ viewer { ', PRODUCTION)).toMatchObject({
      ok: false,
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('keeps production and development apart: only development suggests field names', () => {
    const misspelt = '{ viewr { role } }';
    const production = documentVerdict(schema, misspelt, PRODUCTION);
    const development = documentVerdict(schema, misspelt, { isProduction: false });
    expect(JSON.stringify(production)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(development)).toMatch(/Did you mean/);
  });

  it('forgets the least recently used text beyond its size', () => {
    const kept = documentVerdict(schema, '{ viewer { actorType } }', PRODUCTION);
    const evicted = documentVerdict(schema, '{ viewer { partner { id } } }', PRODUCTION);
    // Using `kept` again makes `evicted` the oldest of the two.
    documentVerdict(schema, '{ viewer { actorType } }', PRODUCTION);
    for (let index = 0; index < DOCUMENT_VERDICT_CACHE_SIZE - 1; index += 1)
      documentVerdict(schema, `{ viewer { role } __typename # ${index}\n}`, PRODUCTION);
    expect(documentVerdict(schema, '{ viewer { actorType } }', PRODUCTION)).toBe(kept);
    expect(documentVerdict(schema, '{ viewer { partner { id } } }', PRODUCTION)).not.toBe(evicted);
  });
});
