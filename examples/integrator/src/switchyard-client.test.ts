import { describe, expect, it } from 'vitest';
import { SwitchyardClient, SwitchyardRequestError } from './switchyard-client.js';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fetch that answers from a script and records what it was sent. */
function scriptedFetch(replies: Reply[]) {
  const requests: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchStub = (
    input: string,
    init: RequestInit & { body: string; headers: Record<string, string> },
  ): Promise<Response> => {
    requests.push({ url: input, headers: init.headers, body: JSON.parse(init.body) as unknown });
    const reply = replies.shift();
    if (!reply) throw new Error('no more scripted replies');
    if (reply instanceof Error) return Promise.reject(reply);
    return Promise.resolve(
      new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json', ...reply.headers },
      }),
    );
  };
  return { fetch: fetchStub as unknown as typeof fetch, requests };
}

function clientWith(replies: Reply[]) {
  const scripted = scriptedFetch(replies);
  const waits: number[] = [];
  const client = new SwitchyardClient({
    url: 'http://switchyard.test',
    apiKey: 'sy_key',
    fetch: scripted.fetch,
    sleep: (milliseconds) => {
      waits.push(milliseconds);
      return Promise.resolve();
    },
  });
  return { client, waits, requests: scripted.requests };
}

const ok = (data: unknown): Reply => ({ status: 200, body: { data } });

describe('SwitchyardClient', () => {
  it('posts to /graphql with the key as a bearer token and the Idempotency-Key when given', async () => {
    const { client, requests } = clientWith([ok({ viewer: { role: 'GLOBAL_ADMIN' } })]);
    await expect(
      client.request('mutation { x }', { variables: { a: 1 }, idempotencyKey: 'key-1' }),
    ).resolves.toEqual({ viewer: { role: 'GLOBAL_ADMIN' } });
    expect(requests[0]).toMatchObject({
      url: 'http://switchyard.test/graphql',
      headers: {
        authorization: 'Bearer sy_key',
        'idempotency-key': 'key-1',
        'content-type': 'application/json',
      },
      body: { query: 'mutation { x }', variables: { a: 1 } },
    });
  });

  it('throws top-level errors with their code and does not retry them', async () => {
    const { client, requests } = clientWith([
      {
        status: 200,
        body: {
          data: null,
          errors: [
            { message: 'first must be at most 100', extensions: { code: 'VALIDATION_FAILED' } },
          ],
        },
      },
    ]);
    const error = await client
      .request('{ customers(first: 101) { totalCount } }')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchyardRequestError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      errorCode: 'VALIDATION_FAILED',
      message: 'first must be at most 100',
    });
    expect(requests).toHaveLength(1);
  });

  it('waits out a rate limit for Retry-After seconds, then succeeds', async () => {
    const { client, waits } = clientWith([
      {
        status: 429,
        headers: { 'retry-after': '2' },
        body: { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] },
      },
      ok({ viewer: {} }),
    ]);
    await expect(client.request('{ viewer { role } }')).resolves.toEqual({ viewer: {} });
    expect(waits).toEqual([2000]);
  });

  it('retries a query after a dropped connection', async () => {
    const { client, requests } = clientWith([new TypeError('fetch failed'), ok({ viewer: {} })]);
    await expect(client.request('query { viewer { role } }')).resolves.toEqual({ viewer: {} });
    expect(requests).toHaveLength(2);
  });

  it('retries a mutation after a dropped connection only with an Idempotency-Key, with the same key', async () => {
    const withKey = clientWith([new TypeError('fetch failed'), ok({ transferCreate: {} })]);
    await expect(
      withKey.client.request('mutation { transferCreate }', { idempotencyKey: 'k' }),
    ).resolves.toEqual({ transferCreate: {} });
    expect(withKey.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'k',
      'k',
    ]);

    const withoutKey = clientWith([new TypeError('fetch failed'), ok({ transferCreate: {} })]);
    await expect(withoutKey.client.request('mutation { transferCreate }')).rejects.toThrow(
      'fetch failed',
    );
    expect(withoutKey.requests).toHaveLength(1);
  });

  it('gives up after the last retry', async () => {
    const unavailable: Reply = { status: 503, body: { errors: [{ message: 'down' }] } };
    const { client, requests } = clientWith([unavailable, unavailable, unavailable, unavailable]);
    await expect(client.request('{ viewer { role } }')).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(4);
  });

  it('names an unknown code without claiming it is one of the domain’s', async () => {
    const { client } = clientWith([
      {
        status: 400,
        body: {
          errors: [
            { message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ],
        },
      },
    ]);
    await expect(client.request('{ nope }')).rejects.toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      errorCode: undefined,
    });
  });
});
