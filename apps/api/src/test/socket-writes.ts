/**
 * What a test's requests write to their PostgreSQL connections, one entry per write to the kernel:
 * with the pool's connections pipelining, the writes of a request transaction are its round trips
 * (each write is answered before the transaction goes on).
 */
import type pg from 'pg';
import type { Database } from '../db/client.js';

interface SocketWrites {
  _write: (this: SocketWrites, chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void) => void;
  _writev: (this: SocketWrites, chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void) => void;
}

/** What `run` wrote to the sockets of the connections it checked out, in order, one entry per write to the kernel. */
export async function socketWrites<T>(database: Database, run: () => Promise<T>): Promise<{ result: T; writes: Buffer[] }> {
  if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
  const writes: Buffer[] = [];
  const restore: (() => void)[] = [];
  const watched = new Set<SocketWrites>();
  const onAcquire = (client: pg.PoolClient) => {
    // A socket's writes to the kernel: `_write` for one chunk, `_writev` for what corking gathered.
    const stream = (client as unknown as { connection: { stream: SocketWrites } }).connection.stream;
    // A connection checked out again (the pool hands back the one last released) is watched already.
    if (watched.has(stream)) return;
    watched.add(stream);
    const { _write, _writev } = stream;
    stream._write = (chunk, encoding, callback) => {
      writes.push(chunk);
      _write.call(stream, chunk, encoding, callback);
    };
    stream._writev = (chunks, callback) => {
      writes.push(Buffer.concat(chunks.map(({ chunk }) => chunk)));
      _writev.call(stream, chunks, callback);
    };
    restore.push(() => Object.assign(stream, { _write, _writev }));
  };
  database.pool.on('acquire', onAcquire);
  try {
    return { result: await run(), writes };
  } finally {
    database.pool.removeListener('acquire', onAcquire);
    for (const undo of restore) undo();
  }
}

/**
 * One write, as the messages it carries (frontend protocol: a type byte, then a 4-byte length that
 * counts itself): a simple query by its first word, an extended-protocol statement (Parse or Bind
 * through Sync) as `statement`.
 */
export function describeWrite(bytes: Buffer): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const type = String.fromCharCode(bytes[offset]!);
    const length = bytes.readInt32BE(offset + 1);
    if (type === 'Q') parts.push(bytes.toString('utf8', offset + 5, offset + length).split(/[ ;]/)[0]!);
    else if (type === 'S') parts.push('statement');
    offset += 1 + length;
  }
  return parts.join('+');
}
