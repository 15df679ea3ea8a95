/**
 * A minimal HTTP/1.1 client for the fixed-rate load (./fixed-rate.ts): a few keep-alive connections
 * over `node:net`, each carrying one request at a time, and a first-in first-out queue of requests
 * waiting for a free connection (what `http.Agent` with `maxSockets` does).
 *
 * Why not `node:http`'s client: the load generator shares the machine's two cores with the server it
 * measures. `node:http`'s client cost the generator about as much CPU per request as a refused
 * query costs the API (README, Benchmarks), and any time the generator spends is time the request
 * waits for. Here a request is its bytes, and an answer is read with a status line, a
 * `Content-Length` or chunked body, and nothing else (no header objects), as autocannon does for
 * the saturation runs.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  body: string;
}

interface Pending {
  request: Buffer;
  resolve: (answer: RawAnswer) => void;
  reject: (error: Error) => void;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** The bytes of a POST with a JSON body (and any extra headers). */
export function jsonPost(path: string, headers: Record<string, string>, body: string): Buffer {
  const payload = Buffer.from(body, 'utf8');
  let head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${payload.length}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), payload]);
}

/**
 * Reads one answer at a time from a connection's bytes. `push` returns the answer once all of it
 * has arrived; bytes after it (there are none without pipelining) are an error.
 */
export class AnswerReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): RawAnswer | undefined {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd < 0) return undefined;
    const head = this.buffered.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    if (!head.startsWith('HTTP/1.') || !Number.isInteger(status))
      throw new Error(`not an HTTP answer: ${head.slice(0, 40)}`);
    const bodyStart = headerEnd + HEADER_END.length;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (length) {
      const end = bodyStart + Number(length[1]);
      if (this.buffered.length < end) return undefined;
      return this.finish(status, this.buffered.toString('utf8', bodyStart, end), end);
    }
    if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return this.readChunked(status, bodyStart);
    throw new Error('an answer with neither Content-Length nor chunked encoding');
  }

  private readChunked(status: number, bodyStart: number): RawAnswer | undefined {
    const parts: Buffer[] = [];
    let at = bodyStart;
    for (;;) {
      const lineEnd = this.buffered.indexOf(CRLF, at);
      if (lineEnd < 0) return undefined;
      const size = Number.parseInt(this.buffered.toString('latin1', at, lineEnd), 16);
      if (Number.isNaN(size)) throw new Error('a malformed chunk size');
      const dataStart = lineEnd + CRLF.length;
      // A chunk is its data and a CRLF; the last (size 0) is followed by an empty trailer line.
      if (this.buffered.length < dataStart + size + CRLF.length) return undefined;
      if (size === 0)
        return this.finish(status, Buffer.concat(parts).toString('utf8'), dataStart + CRLF.length);
      parts.push(this.buffered.subarray(dataStart, dataStart + size));
      at = dataStart + size + CRLF.length;
    }
  }

  private finish(status: number, body: string, end: number): RawAnswer {
    if (end !== this.buffered.length)
      throw new Error('bytes after the answer (nothing was pipelined)');
    this.buffered = Buffer.alloc(0);
    return { status, body };
  }
}

/** Up to `connections` keep-alive connections to 127.0.0.1:`port`, shared first come, first served. */
export class RawHttpPool {
  private readonly open = new Set<Connection>();
  private readonly idle: Connection[] = [];
  private readonly waiting: Pending[] = [];
  private closed = false;

  constructor(
    private readonly port: number,
    private readonly connections: number,
    private readonly timeoutMs: number,
  ) {}

  send(request: Buffer): Promise<RawAnswer> {
    if (this.closed) return Promise.reject(new Error('the pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Closes every connection: what is still waiting or unanswered fails. */
  close(): void {
    this.closed = true;
    const error = new Error('the pool is closed');
    for (const pending of this.waiting.splice(0)) pending.reject(error);
    for (const connection of [...this.open]) connection.close(error);
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const connection = this.idle.pop() ?? this.connect();
      if (!connection) return;
      connection.start(this.waiting.shift()!);
    }
  }

  private connect(): Connection | undefined {
    if (this.open.size >= this.connections) return undefined;
    const connection = new Connection(this.port, this.timeoutMs, (done, reusable) => {
      if (reusable && !this.closed) this.idle.push(done);
      else {
        this.open.delete(done);
        const at = this.idle.indexOf(done);
        if (at >= 0) this.idle.splice(at, 1);
      }
      if (!this.closed) this.dispatch();
    });
    this.open.add(connection);
    return connection;
  }
}

class Connection {
  private readonly socket: Socket;
  private readonly reader = new AnswerReader();
  private current: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private isDead = false;

  constructor(
    port: number,
    private readonly timeoutMs: number,
    private readonly done: (connection: Connection, reusable: boolean) => void,
  ) {
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      if (!this.current) {
        this.close(new Error('bytes from the server while no request was open'));
        return;
      }
      let answer: RawAnswer | undefined;
      try {
        answer = this.reader.push(chunk);
      } catch (error) {
        this.close(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (answer) this.settle(() => this.current?.resolve(answer), true);
    });
    this.socket.on('error', (error) => this.close(error));
    this.socket.on('close', () => this.close(new Error('the server closed the connection')));
  }

  start(pending: Pending): void {
    this.current = pending;
    this.timer = setTimeout(
      () => this.close(new Error(`no answer within ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    this.socket.write(pending.request);
  }

  /** The connection is done for: its request (if any) fails with `error`, and the pool forgets it. */
  close(error: Error): void {
    if (this.isDead) return;
    this.isDead = true;
    this.socket.destroy();
    this.settle(() => this.current?.reject(error), false);
  }

  private settle(answer: () => void, reusable: boolean): void {
    clearTimeout(this.timer);
    answer();
    this.current = undefined;
    this.done(this, reusable);
  }
}
