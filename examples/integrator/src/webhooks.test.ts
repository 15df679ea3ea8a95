import { describe, expect, it } from 'vitest';
import { computeSignature, signatureHeader, verifySignature } from './webhooks.js';

const SECRET = 'whsec_test';
const BODY = '{"id":"evt_1","type":"transfer.completed","data":{"transferId":"VHJhbnNmZXI6MQ=="}}';
const NOW = new Date('2026-01-31T09:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

describe('verifySignature', () => {
  it('accepts the signature Switchyard computes over "<timestamp>.<body>"', () => {
    expect(verifySignature(SECRET, signatureHeader(SECRET, BODY, NOW), BODY, { now: NOW })).toEqual(
      { ok: true, timestamp: T },
    );
  });

  it('matches an HMAC-SHA256 computed independently', () => {
    // printf '%s' "1769850000.$BODY" | openssl dgst -sha256 -hmac whsec_test
    expect(T).toBe(1769850000);
    expect(computeSignature(SECRET, T, BODY)).toBe(
      '9227c235f8332cbc4040029dc4100f127557da9ff7b4628a53f41411b6cf4e08',
    );
    expect(computeSignature(SECRET, T, BODY)).toBe(computeSignature(SECRET, T, Buffer.from(BODY)));
    expect(computeSignature(SECRET, T, BODY)).not.toBe(computeSignature(SECRET, T + 1, BODY));
  });

  it('rejects a body changed after signing', () => {
    const header = signatureHeader(SECRET, BODY, NOW);
    expect(
      verifySignature(SECRET, header, BODY.replace('completed', 'cancelled'), { now: NOW }),
    ).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('rejects another secret', () => {
    expect(
      verifySignature('whsec_other', signatureHeader(SECRET, BODY, NOW), BODY, { now: NOW }),
    ).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('rejects a delivery older or newer than the tolerance, and accepts one inside it', () => {
    const header = signatureHeader(SECRET, BODY, NOW);
    const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    expect(verifySignature(SECRET, header, BODY, { now: later(301) })).toEqual({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
    expect(verifySignature(SECRET, header, BODY, { now: later(-301) })).toEqual({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
    expect(verifySignature(SECRET, header, BODY, { now: later(299) }).ok).toBe(true);
    expect(
      verifySignature(SECRET, header, BODY, { now: later(3600), toleranceSeconds: 7200 }).ok,
    ).toBe(true);
  });

  it('accepts any one of several v1 signatures (secret rotation) and ignores unknown schemes', () => {
    const header = `t=${T},v1=${computeSignature('whsec_old', T, BODY)},v1=${computeSignature(SECRET, T, BODY)},v2=abc`;
    expect(verifySignature(SECRET, header, BODY, { now: NOW }).ok).toBe(true);
    expect(verifySignature('whsec_old', header, BODY, { now: NOW }).ok).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['no timestamp', `v1=${'a'.repeat(64)}`],
    ['no signature', `t=${T}`],
    ['a signature that is not hex', `t=${T},v1=${'z'.repeat(64)}`],
    ['a timestamp that is not a number', `t=soon,v1=${'a'.repeat(64)}`],
    ['a part without "="', `t=${T},garbage`],
  ])('rejects %s as malformed', (_name, header) => {
    expect(verifySignature(SECRET, header, BODY, { now: NOW })).toEqual({
      ok: false,
      reason: 'MALFORMED_HEADER',
    });
  });
});
