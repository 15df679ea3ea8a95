/**
 * A webhook receiver for tests: node:http on 127.0.0.1 (a random port), recording every request
 * and answering with the next status of `statuses` (then 200) — once `gate` (when set) resolves, so
 * a test can keep a sender waiting mid-delivery.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses for the next requests, in order; 200 once they run out. */
  statuses: number[];
  /** While set, answers wait for it (requests are still recorded on arrival). */
  gate: Promise<void> | undefined;
  close(): Promise<void>;
}

export async function startWebhookReceiver(statuses: number[] = []): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: Pick<WebhookReceiver, 'received' | 'statuses' | 'gate'> = { received, statuses: [...statuses], gate: undefined };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      void Promise.resolve(receiver.gate).then(() => {
        response.statusCode = receiver.statuses.shift() ?? 200;
        response.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
