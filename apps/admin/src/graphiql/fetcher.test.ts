import { describe, expect, it } from 'vitest';
import { installFakeApi } from '../testing/fake-api';
import { createSwitchyardFetcher } from './fetcher';

const params = { query: '{ viewer { role } }', operationName: 'Viewer' };

describe('createSwitchyardFetcher', () => {
  it('posts to /graphql with the session cookie and the CSRF-prevention header', async () => {
    const { fetchMock } = installFakeApi({
      graphql: { Viewer: { data: { viewer: { role: 'GLOBAL_ADMIN' } } } },
    });
    const result = await createSwitchyardFetcher({ apiKey: null })(params);

    expect(result).toEqual({ data: { viewer: { role: 'GLOBAL_ADMIN' } } });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');
    const headers = new Headers(init?.headers);
    expect(headers.get('apollo-require-preflight')).toBe('true');
    expect(headers.has('authorization')).toBe(false);
  });

  it('sends the API key as a bearer token', async () => {
    const { graphqlRequests } = installFakeApi({ graphql: { Viewer: { data: null } } });
    await createSwitchyardFetcher({ apiKey: 'sy_demo_contoso_0001' })(params);
    expect(graphqlRequests[0]?.headers.get('authorization')).toBe('Bearer sy_demo_contoso_0001');
  });

  it('lets headers typed in GraphiQL win', async () => {
    const { graphqlRequests } = installFakeApi({ graphql: { Viewer: { data: null } } });
    await createSwitchyardFetcher({ apiKey: 'sy_demo_contoso_0001' })(params, {
      headers: { Authorization: 'Bearer sy_demo_tailspin_0001', 'Idempotency-Key': 'k1' },
    });
    expect(graphqlRequests[0]?.headers.get('authorization')).toBe('Bearer sy_demo_tailspin_0001');
    expect(graphqlRequests[0]?.headers.get('idempotency-key')).toBe('k1');
  });
});
