/**
 * patches/@pothos__plugin-relay@4.8.1.patch: a `globalID` field (every node's `id`, the Drizzle
 * nodes' included) resolves synchronously when its id resolver does. Unpatched it was an async
 * function, so each row's `id` was a promise and graphql-js completed every object of a list
 * through `promiseForObject` (with a microtask and a promise hook per row). An id resolver that
 * returns a promise still works.
 */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { execute, parse } from 'graphql';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { relations } from '../db/relations.js';
import { schema } from './index.js';
import { encodeGlobalId } from './global-id.js';

interface Thing {
  id: string;
}

const builder = new SchemaBuilder<{ Objects: { Thing: Thing; LateThing: Thing } }>({
  plugins: [ScopeAuthPlugin, RelayPlugin],
  relay: {},
  // Options every builder's type asks for in this package; the Drizzle plugin is not used here.
  scopeAuth: { authScopes: () => ({}) },
  drizzle: {
    client: () => {
      throw new Error('No database in this test');
    },
    getTableConfig,
    relations,
  },
});
builder.node('Thing', {
  id: { resolve: (thing) => thing.id },
  fields: (t) => ({ name: t.string({ resolve: (thing) => `thing ${thing.id}` }) }),
});
builder.node('LateThing', {
  id: { resolve: (thing) => Promise.resolve(thing.id) },
  fields: (t) => ({ name: t.string({ resolve: (thing) => `late ${thing.id}` }) }),
});
builder.queryType({
  fields: (t) => ({
    things: t.field({ type: ['Thing'], resolve: () => [{ id: '1' }, { id: '2' }] }),
    lateThings: t.field({ type: ['LateThing'], resolve: () => [{ id: '3' }] }),
  }),
});
const small = builder.toSchema();
const globalIdOf = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

describe('@pothos/plugin-relay (patched: a global id is synchronous when its id is)', () => {
  it('answers a list of nodes without a promise when every id is at hand', () => {
    const result = execute({ schema: small, document: parse('{ things { id name } }') });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({
      data: { things: [{ id: globalIdOf('Thing', '1'), name: 'thing 1' }, { id: globalIdOf('Thing', '2'), name: 'thing 2' }] },
    });
  });

  it('still waits for an id resolver that returns a promise', async () => {
    const result = execute({ schema: small, document: parse('{ lateThings { id name } }') });
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toEqual({ data: { lateThings: [{ id: globalIdOf('LateThing', '3'), name: 'late 3' }] } });
  });

  it('gives the Drizzle nodes of the real schema their id synchronously', () => {
    for (const typename of ['Customer', 'CustomerSubscription', 'Transfer', 'Offer']) {
      const field = schema.getType(typename)?.toConfig() as { fields: Record<string, { resolve?: (...args: unknown[]) => unknown }> };
      const row = { id: '7c0e9a49-2c64-4a55-9a38-2f6c2d1b1c0e' };
      const id = field.fields.id!.resolve!(row, {}, {}, { parentType: schema.getType(typename), fieldName: 'id', path: { key: 'id' } });
      expect(id, typename).toBe(encodeGlobalId(typename === 'CustomerSubscription' ? 'Subscription' : typename, row.id));
    }
  });
});
