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
