import { describe, expect, it, vi } from 'vitest';
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

  it('runs a subscription over the WebSocket with the API key, not over HTTP', async () => {
    const { fetchMock } = installFakeApi({});
    const sockets: { url: string; protocol: string | string[] | undefined; sent: string[] }[] = [];
    // What graphql-ws needs of a browser WebSocket: the handler properties, send, close.
    class RecordingWebSocket {
      static readonly OPEN = 1;
      readonly protocol = 'graphql-transport-ws';
      readyState = 0;
      onopen: (() => void) | null = null;
      onclose: (() => void) | null = null;
      onerror: (() => void) | null = null;
      onmessage: (() => void) | null = null;
      readonly send: (data: string) => void;
      constructor(url: string, protocol?: string | string[]) {
        const socket = { url, protocol, sent: [] as string[] };
        sockets.push(socket);
        this.send = (data) => socket.sent.push(data);
        setTimeout(() => {
          this.readyState = 1;
          this.onopen?.();
        });
      }
      close() {}
    }
    vi.stubGlobal('WebSocket', RecordingWebSocket);

    const updates = createSwitchyardFetcher({ apiKey: 'sy_demo_contoso_0001' })({
      query: 'subscription { transferUpdated { id status } }',
    }) as AsyncIterableIterator<unknown>;
    void updates.next();

    await vi.waitFor(() => expect(sockets[0]?.sent).toHaveLength(1));
    expect(sockets[0]?.url).toBe('ws://localhost:3000/graphql');
    expect(JSON.parse(sockets[0]?.sent[0] ?? '')).toEqual({
      type: 'connection_init',
      payload: { authorization: 'Bearer sy_demo_contoso_0001' },
    });
    expect(fetchMock).not.toHaveBeenCalled();
    await updates.return?.();
  });
});
