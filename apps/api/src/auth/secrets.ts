/**
 * High-entropy secrets (session tokens, API keys, invitation tokens) and their stored form: the
 * SHA-256 of the secret in hex. A random 256-bit secret cannot be brute-forced, so a fast hash is
 * enough, and a lookup by hash stays an index scan.
 */
import { createHash, randomBytes } from 'node:crypto';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A URL-safe random token with `bytes` bytes of entropy. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
