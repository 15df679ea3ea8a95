/**
 * `/graphql` over HTTP (POST, and GET for queries), served on `node:http` directly: the server
 * hands these requests here and everything else to Express (server.ts).
 *
 * Why not an Express route: Express's router, body parser and response helpers cost about 0.28 ms
 * of CPU a request on the 2-core bench machine — a bare `node:http` server answering a refused
 * query used 0.14 ms, the same server with Express and `express.json()` 0.42 ms — which was 40% of
 * a refused request and a tenth of `customer(id)` (README, Benchmarks).
 *
 * What Express did here is done the same way: the request id, access-log line and metrics
 * (observeRequest), the security headers, the caller's address behind a reverse proxy on this
 * machine (`proxy-addr`, Express's own, with the same `loopback` trust), a JSON body of at most
 * 1 MB, the query string of a GET, and a JSON error for anything that throws.
 *
 * One request's path: limits (src/limits/) → credentials and rate limit (auth/admit-request.ts) →
 * the partner's request transaction (context.ts) → Apollo executes the operation inside it →
 * commit (a mutation without errors) or rollback → response. `executeHTTPGraphQLRequest` rather
 * than a ready-made integration, precisely so that the whole execution sits inside that transaction.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import proxyAddr from 'proxy-addr';
import { admitRequest } from './auth/admit-request.js';
import type { Context } from './context.js';
import { withRequestContext } from './context.js';
import type { Database } from './db/client.js';
import type { RateLimitSettings } from './limits/rate-limit.js';
import { preflightGraphQLRequest } from './limits/request-preflight.js';
import type { Logger } from './logger.js';
import { runWithLogContext } from './logger.js';
import { graphQLErrorCode } from './observability/metrics.js';
import type { Metrics } from './observability/metrics.js';
import { observeRequest } from './observability/request-observation.js';

/** The largest request body accepted (after decompression). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** `/graphql`, in any case and with or without a trailing slash, as Express routes matched it. */
const GRAPHQL_PATH = /^\/graphql\/?$/i;

export function pathOf(url: string | undefined): string {
  const path = url ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

export function isGraphQLPath(url: string | undefined): boolean {
  return GRAPHQL_PATH.test(pathOf(url));
}

/** Headers every answer of the port carries (server.ts sets them on Express's routes). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** Trust X-Forwarded-For only from a reverse proxy on this machine (Express's `trust proxy: 'loopback'`). */
const isLoopbackProxy = proxyAddr.compile('loopback');

/** The caller's address: the socket's, or the client a reverse proxy on this machine forwarded for. */
export function clientAddress(req: IncomingMessage): string | undefined {
  if (req.socket.remoteAddress === undefined) return undefined;
  return proxyAddr(req, isLoopbackProxy);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

export type JsonBody = { ok: true; body: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

function inflaterFor(encoding: string): Readable & NodeJS.WritableStream | undefined {
  if (encoding === 'gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return undefined;
}

/**
 * The request's JSON body, as `express.json({ limit: '1mb' })` read it: only a body declared
 * `application/json` is read (anything else is `undefined`, and the limits refuse it as a possible
 * cross-site form); UTF-8; uncompressed, gzip, deflate or br; at most `limitBytes` after
 * decompression; an object or an array (an empty body is `{}`).
 */
export async function readJsonBody(req: IncomingMessage, limitBytes = BODY_LIMIT_BYTES): Promise<JsonBody> {
  const hasBody = req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
  const contentType = req.headers['content-type'] ?? '';
  const [mediaType = '', ...parameters] = contentType.split(';');
  if (!hasBody || mediaType.trim().toLowerCase() !== 'application/json') return { ok: true, body: undefined };
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return { ok: false, status: 415, message: `Unsupported charset "${charset}": send the JSON body in UTF-8.` };
  const encoding = (header(req, 'content-encoding') ?? 'identity').trim().toLowerCase();
  const tooLarge: JsonBody = { ok: false, status: 413, message: `The request body is larger than ${limitBytes / 1024 / 1024} MB.` };
  if (encoding === 'identity' && Number(req.headers['content-length']) > limitBytes) return tooLarge;
  let source: Readable = req;
  if (encoding !== 'identity') {
    const inflater = inflaterFor(encoding);
    if (!inflater) return { ok: false, status: 415, message: `Unsupported Content-Encoding "${encoding}": send the body uncompressed, or as gzip, deflate or br.` };
    source = req.pipe(inflater);
  }

  const read = await new Promise<Buffer | 'too large' | Error>((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limitBytes) {
        source.off('data', onData);
        if (source !== req) {
          req.unpipe();
          source.destroy();
        }
        resolve('too large');
        return;
      }
      chunks.push(chunk);
    };
    source.on('data', onData);
    source.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)));
    // Also a caller that hangs up mid-body: Node destroys the request with an 'aborted' error.
    source.once('error', (error: Error) => resolve(error));
    if (source !== req) req.once('error', (error: Error) => resolve(error));
  });
  if (read === 'too large') return tooLarge;
  if (read instanceof Error) return { ok: false, status: 400, message: `The request body could not be read: ${read.message}` };
  if (read.length === 0) return { ok: true, body: {} };
  const decoded = read.toString('utf8');
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded; // without a byte-order mark
  // Strict, like express.json(): an object or an array, nothing else (a bare string or number is no GraphQL request).
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') return { ok: false, status: 400, message: 'The request body is not a JSON object.' };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

function errorAnswer(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

export interface GraphQLEndpointOptions {
  database: Database;
  schema: GraphQLSchema;
  graphQLServer: ApolloServer<Context>;
  logger: Logger;
  metrics: Metrics;
  rateLimits: RateLimitSettings;
  isProduction: boolean;
  publicUrl: string;
}

/** The `node:http` request listener for `/graphql` (see the top of this file). */
export function createGraphQLEndpoint(options: GraphQLEndpointOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { database, schema, graphQLServer, logger, metrics, rateLimits } = options;

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const body = await readJsonBody(req);
    if (!body.ok) {
      metrics.recordGraphQLError('VALIDATION_FAILED');
      // A body refused before it was read to its end: close the connection rather than read the rest.
      if (body.status === 413) res.setHeader('Connection', 'close');
      sendJson(res, body.status, errorAnswer(body.message, 'VALIDATION_FAILED'));
      return;
    }
    // The query string as Apollo reads it (URL-normalised), and as Express's `req.query` parsed it.
    const search = url.includes('?') ? new URL(url, 'http://localhost').search : '';
    const query = search ? parseQueryString(search.slice(1)) : {};
    // Limits first: a batched, cross-site, oversized, too deep or too costly request is refused
    // before anything touches the database (src/limits/).
    const preflight = preflightGraphQLRequest({ method, header: (name) => header(req, name), body: body.body, query }, schema, {
      isProduction: options.isProduction,
    });
    if (!preflight.ok) {
      for (const error of preflight.body.errors) metrics.recordGraphQLError(graphQLErrorCode(error));
      for (const [name, value] of Object.entries(preflight.headers ?? {})) res.setHeader(name, value);
      sendJson(res, preflight.status, preflight.body);
      return;
    }
    const admission = await admitRequest(database.db, { header: (name) => header(req, name), ip: clientAddress(req) }, res, rateLimits);
    if (!admission.isAdmitted) {
      metrics.recordGraphQLError(admission.extensions.code);
      sendJson(res, admission.status, errorAnswer(admission.message, admission.extensions.code, admission.extensions));
      return;
    }
    const httpGraphQLRequest = toHTTPGraphQLRequest(req, method, search, body.body);
    const response = await withRequestContext(
      database,
      { requestId, authenticated: admission.authenticated, idempotencyKey: header(req, 'idempotency-key'), publicUrl: options.publicUrl },
      // The whole execution, including reading any streamed body, happens inside the transaction.
      async (context) => bufferResponse(await graphQLServer.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => Promise.resolve(context) })),
    );
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    res.setHeader('Content-Length', Buffer.byteLength(response.body));
    res.end(response.body);
  }

  return (req, res) => {
    const path = pathOf(req.url);
    const context = observeRequest(req, res, { logger, metrics }, () => ({ path, route: '/graphql' }));
    setSecurityHeaders(res);
    runWithLogContext(context, () => {
      serve(req, res, context.requestId!).catch((error: unknown) => {
        logger.error(`${req.method} ${path} failed`, error);
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, errorAnswer('Internal server error', 'INTERNAL_SERVER_ERROR'));
      });
    });
  };
}

function toHTTPGraphQLRequest(req: IncomingMessage, method: string, search: string, body: unknown): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return { method, headers, search, body };
}

type BufferedResponse = Omit<HTTPGraphQLResponse, 'body'> & { body: string };

async function bufferResponse(response: HTTPGraphQLResponse): Promise<BufferedResponse> {
  if (response.body.kind === 'complete') return { ...response, body: response.body.string };
  let body = '';
  for await (const chunk of response.body.asyncIterator) body += chunk;
  return { ...response, body };
}
