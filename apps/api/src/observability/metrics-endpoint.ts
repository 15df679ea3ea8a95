/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>`
 * (compared in constant time), from anywhere — a Prometheus on another machine. Without it: only
 * callers on this machine (loopback), so an API on 0.0.0.0 does not publish its internals by
 * default. The API serves it as a route (server.ts); a worker, which has no HTTP server, serves it
 * alone on METRICS_PORT (`startMetricsServer`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export type MetricsAccess = { isAllowed: true } | { isAllowed: false; status: 401 | 403; message: string };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function checkMetricsAccess(request: { authorization: string | undefined; remoteAddress: string | undefined }, token: string | undefined): MetricsAccess {
  if (token === undefined) {
    return request.remoteAddress !== undefined && LOOPBACK.test(request.remoteAddress)
      ? { isAllowed: true }
      : { isAllowed: false, status: 403, message: 'Metrics are served to this machine only; set METRICS_TOKEN to scrape them from elsewhere.' };
  }
  const presented = /^Bearer (.+)$/.exec(request.authorization ?? '')?.[1];
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token))
    ? { isAllowed: true }
    : { isAllowed: false, status: 401, message: 'Send Authorization: Bearer <METRICS_TOKEN>.' };
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** A worker's /metrics: node:http on `host:port`, nothing else. */
export async function startMetricsServer(registry: Registry, { host, port, token }: { host: string; port: number; token: string | undefined }): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: this port serves GET /metrics only.\n');
      return;
    }
    const access = checkMetricsAccess({ authorization: request.headers.authorization, remoteAddress: request.socket.remoteAddress }, token);
    if (!access.isAllowed) {
      response.writeHead(access.status, { 'content-type': 'text/plain' }).end(`${access.message}\n`);
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('Could not collect the metrics.\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
