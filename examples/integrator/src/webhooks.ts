/**
 * Webhook signatures: how a receiver proves a delivery came from Switchyard and was not replayed.
 * The contract (docs/api-guide.md, "Webhooks") that the webhook deliveries implement:
 *
 *   Switchyard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint's secret>
 *
 * Several `v1=` entries may appear while a secret is being rotated: any one matching is enough.
 * Verify against the raw body bytes exactly as received (before any JSON parsing), compare in
 * constant time, and refuse timestamps outside a tolerance (5 minutes) so a captured delivery
 * cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Switchyard-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignatureVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'MALFORMED_HEADER' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'SIGNATURE_MISMATCH' };

/** The hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function computeSignature(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header value Switchyard sends for a body (what the sender does; receivers only verify). */
export function signatureHeader(
  secret: string,
  body: string | Buffer,
  now: Date = new Date(),
): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`;
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) return undefined;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (/^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
    }
    // Unknown schemes (a future v2) are ignored, so adding one breaks no receiver.
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string | Buffer,
  options: { now?: Date; toleranceSeconds?: number } = {},
): SignatureVerification {
  const parsed = header ? parseHeader(header) : undefined;
  if (!parsed) return { ok: false, reason: 'MALFORMED_HEADER' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  }
  const expected = Buffer.from(computeSignature(secret, parsed.timestamp, body), 'hex');
  const matches = parsed.signatures.some((signature) =>
    timingSafeEqual(Buffer.from(signature, 'hex'), expected),
  );
  return matches
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, reason: 'SIGNATURE_MISMATCH' };
}
