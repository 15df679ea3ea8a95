/** The GraphQL endpoint's own HTTP handling (./graphql-endpoint.ts): which paths, the body, the caller's address. */
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientAddress, isGraphQLPath, readJsonBody } from './graphql-endpoint.js';

describe('isGraphQLPath', () => {
  it('matches /graphql as Express routed it: any case, an optional trailing slash, any query string', () => {
    for (const url of ['/graphql', '/graphql/', '/GraphQL', '/graphql?query=%7B__typename%7D', '/graphql/?x=1'])
      expect(isGraphQLPath(url), url).toBe(true);
    for (const url of ['/', '/graphiql', '/graphql/x', '/graphqlx', '/api/graphql', '/auth/login?/graphql', undefined])
      expect(isGraphQLPath(url), String(url)).toBe(false);
  });
});

describe('readJsonBody', () => {
  const LIMIT = 1000;
  let port = 0;
  // Answers what readJsonBody made of the request, so each case sends a real HTTP request.
  const server = createServer((req, res) => {
    void readJsonBody(req, LIMIT).then((result) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result.ok ? { ok: true, body: result.body ?? '(undefined)' } : result));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function send(headers: Record<string, string>, body?: string | Buffer, { chunked = false, method = 'POST' } = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, method, path: '/graphql', headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      });
      outgoing.on('error', reject);
      if (body !== undefined && chunked) {
        // Without Content-Length: Node sends it chunked, and only reading tells its size.
        outgoing.write(body);
        outgoing.end();
      } else if (body !== undefined) {
        outgoing.setHeader('content-length', Buffer.byteLength(body));
        outgoing.end(body);
      } else outgoing.end();
    });
  }
  const json = { 'content-type': 'application/json' };

  it('parses a JSON object or array, with or without a charset and a byte-order mark', async () => {
    expect(await send(json, '{"query":"{ viewer { role } }"}')).toEqual({ ok: true, body: { query: '{ viewer { role } }' } });
    expect(await send({ 'content-type': 'application/json; charset=UTF-8' }, '[1,2]')).toEqual({ ok: true, body: [1, 2] });
    expect(await send(json, '\uFEFF {"a":"é"}')).toEqual({ ok: true, body: { a: 'é' } });
    expect(await send(json, '{"a":1}', { chunked: true })).toEqual({ ok: true, body: { a: 1 } });
  });

  it('reads nothing that is not declared JSON, and makes an empty JSON body {}', async () => {
    expect(await send({ 'content-type': 'text/plain' }, '{"query":"{ __typename }"}')).toEqual({ ok: true, body: '(undefined)' });
    expect(await send({ 'content-type': 'application/x-www-form-urlencoded' }, 'query=x')).toEqual({ ok: true, body: '(undefined)' });
    expect(await send(json, undefined, { method: 'GET' })).toEqual({ ok: true, body: '(undefined)' });
    expect(await send(json, '')).toEqual({ ok: true, body: {} });
  });

  it('refuses invalid JSON and bare scalars with 400', async () => {
    expect(await send(json, '{"query":')).toEqual({ ok: false, status: 400, message: 'The request body is not valid JSON.' });
    expect(await send(json, '"{ viewer { role } }"')).toEqual({ ok: false, status: 400, message: 'The request body is not a JSON object.' });
    expect(await send(json, '   ')).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a body over the limit with 413, by its declared length or by what it turned out to be', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(LIMIT) });
    expect(await send(json, big)).toMatchObject({ ok: false, status: 413 });
    expect(await send(json, big, { chunked: true })).toMatchObject({ ok: false, status: 413 });
    // Small on the wire, over the limit once decompressed.
    expect(await send({ ...json, 'content-encoding': 'gzip' }, gzipSync(big))).toMatchObject({ ok: false, status: 413 });
  });

  it('decompresses gzip, deflate and br bodies, and refuses other encodings and charsets with 415', async () => {
    const body = '{"query":"{ viewer { role } }"}';
    const parsed = { ok: true, body: { query: '{ viewer { role } }' } };
    expect(await send({ ...json, 'content-encoding': 'gzip' }, gzipSync(body))).toEqual(parsed);
    expect(await send({ ...json, 'content-encoding': 'deflate' }, deflateSync(body))).toEqual(parsed);
    expect(await send({ ...json, 'content-encoding': 'br' }, brotliCompressSync(body))).toEqual(parsed);
    expect(await send({ ...json, 'content-encoding': 'compress' }, body)).toMatchObject({ ok: false, status: 415, message: expect.stringContaining('compress') as string });
    expect(await send({ 'content-type': 'application/json; charset=latin1' }, body)).toMatchObject({ ok: false, status: 415, message: expect.stringContaining('latin1') as string });
    expect(await send({ ...json, 'content-encoding': 'gzip' }, 'not gzip at all')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('readJsonBody, when the caller hangs up mid-body', () => {
  it('settles with a 400 instead of waiting forever', async () => {
    const results: unknown[] = [];
    const server = createServer((req) => {
      void readJsonBody(req).then((result) => results.push(result));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const outgoing = request({
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': 100 },
      });
      outgoing.on('error', () => {});
      outgoing.write('{"query":');
      await new Promise((resolve) => setTimeout(resolve, 50));
      outgoing.destroy();
      await vi.waitFor(() => expect(results).toHaveLength(1));
      expect(results[0]).toMatchObject({ ok: false, status: 400 });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('clientAddress', () => {
  const from = (remoteAddress: string, headers: IncomingHttpHeaders = {}) =>
    ({ socket: { remoteAddress }, connection: { remoteAddress }, headers }) as unknown as IncomingMessage;

  it('believes X-Forwarded-For only from a proxy on this machine, as Express did with trust proxy "loopback"', () => {
    expect(clientAddress(from('203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(from('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }))).toBe('203.0.113.9');
    expect(clientAddress(from('127.0.0.1', { 'x-forwarded-for': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientAddress(from('::1', { 'x-forwarded-for': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientAddress(from('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.1' }))).toBe('198.51.100.1');
    // The rightmost address the local proxy did not add is the client; what the client claimed before it is not believed.
    expect(clientAddress(from('127.0.0.1', { 'x-forwarded-for': '10.9.9.9, 198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientAddress(from('127.0.0.1'))).toBe('127.0.0.1');
  });
});
