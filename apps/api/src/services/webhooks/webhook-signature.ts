/**
 * How receivers know a delivery is from Switchyard: `Switchyard-Signature: t=<unix seconds>,v1=<hex>`,
 * where v1 is HMAC-SHA256 with the subscription's secret over `<t>.<body>`. Receivers recompute it
 * over the raw body, compare in constant time, and refuse old timestamps (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Switchyard-Signature';
export const EVENT_ID_HEADER = 'Switchyard-Event-Id';
export const EVENT_TYPE_HEADER = 'Switchyard-Event-Type';

export function signWebhookBody(secret: string, body: string, timestamp: Date): string {
  const seconds = Math.floor(timestamp.getTime() / 1000);
  const digest = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${digest}`;
}

/** What a receiver does: true when the header signs this body with this secret within `toleranceSeconds` of `now`. */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  { now = new Date(), toleranceSeconds = 300 }: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const seconds = Number(parts.t);
  const signature = parts.v1;
  if (!Number.isInteger(seconds) || !signature || Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${seconds}.${body}`).digest();
  const received = Buffer.from(signature, 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}
