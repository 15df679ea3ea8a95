import { describe, expect, it } from 'vitest';
import { liveUpdatesUrl } from './graphql-endpoint';

describe('liveUpdatesUrl', () => {
  it('connects to this origin’s /graphql, over TLS when the page is', () => {
    expect(liveUpdatesUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe('ws://localhost:4000/graphql');
    expect(liveUpdatesUrl({ protocol: 'https:', host: 'switchyard.example' })).toBe('wss://switchyard.example/graphql');
  });
});
