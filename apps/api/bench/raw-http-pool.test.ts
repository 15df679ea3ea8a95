/** The fixed-rate load's HTTP client (./raw-http-pool.ts): framing, queueing, and connections that fail. */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerReader, jsonPost, RawHttpPool } from './raw-http-pool.js';

describe('AnswerReader', () => {
  it('reads an answer framed by Content-Length, however its bytes are split', () => {
    const bytes = Buffer.from(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n{"a":"é!"}',
    );
    for (let split = 1; split < bytes.length; split += 1) {
      const reader = new AnswerReader();
      expect(reader.push(bytes.subarray(0, split))).toBeUndefined();
      expect(reader.push(bytes.subarray(split))).toEqual({ status: 400, body: '{"a":"é!"}' });
    }
  });

  it('reads a chunked answer, and the next answer on the same connection', () => {
    const reader = new AnswerReader();
    const chunked =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n3\r\n"b"\r\n1\r\n}\r\n0\r\n\r\n';
    expect(reader.push(Buffer.from(chunked.slice(0, 60)))).toBeUndefined();
    expect(reader.push(Buffer.from(chunked.slice(60)))).toEqual({ status: 200, body: '{"a":"b"}' });
    expect(
      reader.push(Buffer.from('HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n')),
    ).toEqual({ status: 204, body: '' });
  });

  it('refuses what it cannot frame', () => {
    expect(() =>
      new AnswerReader().push(Buffer.from('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}')),
    ).toThrow(/neither Content-Length nor chunked/);
    expect(() => new AnswerReader().push(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(
      /not an HTTP answer/,
    );
    expect(() =>
      new AnswerReader().push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP')),
    ).toThrow(/bytes after the answer/);
  });
});

describe('jsonPost', () => {
  it('builds a POST whose Content-Length counts bytes, not characters', () => {
    const text = jsonPost('/graphql', { Authorization: 'Bearer k' }, '{"q":"é"}').toString('utf8');
    expect(text).toBe(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10\r\nAuthorization: Bearer k\r\n\r\n{"q":"é"}',
    );
  });
});

describe('RawHttpPool', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  it('sends over at most its connections, first come first served, and answers each request with its own answer', async () => {
    const sockets = new Set<unknown>();
    let concurrent = 0;
    let mostConcurrent = 0;
    const port = await listen((request, response) => {
      sockets.add(request.socket);
      concurrent += 1;
      mostConcurrent = Math.max(mostConcurrent, concurrent);
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () =>
        setTimeout(() => {
          concurrent -= 1;
          // Chunked (no Content-Length) for half of them.
          if (body.includes('"n":1')) response.writeHead(200).end(body);
          else response.end(body);
        }, 5),
      );
    });
    const pool = new RawHttpPool(port, 2, 5_000);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        pool.send(jsonPost('/x', {}, JSON.stringify({ n: n % 2, i: n }))),
      ),
    );
    pool.close();
    expect(answers.map((answer) => JSON.parse(answer.body) as { i: number })).toEqual(
      Array.from({ length: 10 }, (_, n) => ({ n: n % 2, i: n })),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(sockets.size).toBe(2);
    expect(mostConcurrent).toBe(2);
  });

  it('fails a request whose connection the server closes, and carries on over a new one', async () => {
    let requests = 0;
    const port = await listen((request, response) => {
      requests += 1;
      request.resume();
      if (requests === 1) request.socket.destroy();
      else request.on('end', () => response.end('{}'));
    });
    const pool = new RawHttpPool(port, 1, 5_000);
    await expect(pool.send(jsonPost('/x', {}, '{}'))).rejects.toThrow(/closed the connection/);
    await expect(pool.send(jsonPost('/x', {}, '{}'))).resolves.toEqual({ status: 200, body: '{}' });
    pool.close();
  });

  it('fails a request not answered in time', async () => {
    const port = await listen((request) => request.resume());
    const pool = new RawHttpPool(port, 1, 50);
    await expect(pool.send(jsonPost('/x', {}, '{}'))).rejects.toThrow(/no answer within 50 ms/);
    pool.close();
  });

  it('fails what is unanswered and what is still waiting when it is closed, and sends nothing after', async () => {
    const port = await listen((request) => request.resume());
    const pool = new RawHttpPool(port, 1, 5_000);
    const sent = pool.send(jsonPost('/x', {}, '{}'));
    const waiting = pool.send(jsonPost('/x', {}, '{}'));
    pool.close();
    await expect(sent).rejects.toThrow('the pool is closed');
    await expect(waiting).rejects.toThrow('the pool is closed');
    await expect(pool.send(jsonPost('/x', {}, '{}'))).rejects.toThrow('the pool is closed');
  });
});
