import { describe, expect, it } from 'vitest';
import { databaseIdOf, decodeGlobalId, encodeGlobalId } from './global-id.js';

const id = '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';

describe('global ids', () => {
  it('round-trip and hide the database id', () => {
    const globalId = encodeGlobalId('Customer', id);
    expect(globalId).not.toContain(id);
    expect(decodeGlobalId(globalId)).toEqual({ typename: 'Customer', id });
    expect(databaseIdOf(globalId, 'Customer')).toBe(id);
  });

  it('decode anything else to an id that matches nothing', () => {
    for (const value of ['', 'garbage', encodeGlobalId('Customer', 'not-a-uuid'), Buffer.from(`:${id}`).toString('base64')]) {
      expect(decodeGlobalId(value)).toEqual({ typename: '', id: '' });
    }
    expect(databaseIdOf(encodeGlobalId('Partner', id), 'Customer')).toBeUndefined();
  });
});

describe('subscription ids', () => {
  it('say Subscription although the GraphQL type is CustomerSubscription', () => {
    const globalId = encodeGlobalId('CustomerSubscription', id);
    expect(globalId).toBe(encodeGlobalId('Subscription', id));
    expect(Buffer.from(globalId, 'base64').toString('utf8')).toBe(`Subscription:${id}`);
    expect(decodeGlobalId(globalId)).toEqual({ typename: 'CustomerSubscription', id });
    expect(databaseIdOf(globalId, 'Subscription')).toBe(id);
    expect(databaseIdOf(globalId, 'CustomerSubscription')).toBe(id);
    expect(databaseIdOf(globalId, 'Customer')).toBeUndefined();
  });
});
