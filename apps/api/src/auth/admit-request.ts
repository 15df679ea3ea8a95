/**
 * The door every authenticated HTTP route passes (`/graphql`, the CSV exports): the request's
 * credentials become an actor (./authenticate.ts), wrong credentials are refused at once, and one
 * rate-limit statement (../limits/rate-limit.ts) runs on the root connection before any request
 * transaction opens — for an API key, the same statement as its lookup (./api-key-admission.ts). Each route wraps the refusal in its own format (GraphQL `errors`, or `error`);
 * the status, message and code are decided here.
 */
import type { ServerResponse } from 'node:http';
import type { AppDatabase } from '../db/client.js';
import { rateLimitBuckets, rateLimitedMessage, takeRateLimitTokens } from '../limits/rate-limit.js';
import type { RateLimitSettings } from '../limits/rate-limit.js';
import { addToLogContext } from '../logger.js';
import { admitApiKey } from './api-key-admission.js';
import { authenticate, CLEARED_SESSION_COOKIE, credentialsFromHeaders, refusedCredentialsMessage } from './authenticate.js';
import type { Authenticated } from './authenticate.js';

export type Admission =
  /** `authenticated` is null when the request sent no credentials at all. */
  | { isAdmitted: true; authenticated: Authenticated | null }
  | { isAdmitted: false; status: 401; message: string; extensions: { code: 'UNAUTHENTICATED' } }
  | { isAdmitted: false; status: 429; message: string; extensions: { code: 'RATE_LIMITED'; retryAfterSeconds: number } };

/** What admission reads of a request: its headers (by lower-case name) and the caller's address. */
export interface AdmissionRequest {
  header(name: string): string | undefined;
  /** The caller's address (behind a local reverse proxy, the client it forwarded for). */
  ip: string | undefined;
}

/** Authenticates and rate-limits `req`; sets the rate-limit headers (and clears a dead session cookie) on `res`. */
export async function admitRequest(
  db: AppDatabase,
  req: AdmissionRequest,
  res: Pick<ServerResponse, 'setHeader'>,
  rateLimits: RateLimitSettings,
): Promise<Admission> {
  const credentials = credentialsFromHeaders(req.header('authorization'), req.header('cookie'));
  // An API key (the integrators' hot path) is looked up and rate-limited in one statement.
  const apiKeyAdmission = credentials.kind === 'apiKey' ? await admitApiKey(db, credentials.secret, rateLimits) : undefined;
  const authenticated =
    credentials.kind === 'apiKey' ? (apiKeyAdmission?.authenticated ?? null) : credentials.kind === 'invalid' ? null : await authenticate(db, credentials);
  if (authenticated) addToLogContext({ partnerId: authenticated.partner.id });
  if (credentials.kind !== 'none' && !authenticated) {
    // Credentials were sent but are wrong: say so at once rather than act anonymously.
    if (credentials.kind === 'session') res.setHeader('Set-Cookie', CLEARED_SESSION_COOKIE);
    return { isAdmitted: false, status: 401, message: refusedCredentialsMessage(credentials), extensions: { code: 'UNAUTHENTICATED' } };
  }
  const rateLimit =
    apiKeyAdmission?.rateLimit ??
    (await takeRateLimitTokens(db, rateLimitBuckets(rateLimits, authenticated ? { actor: authenticated.actor } : { ipAddress: req.ip })));
  for (const [name, value] of Object.entries(rateLimit.headers)) res.setHeader(name, value);
  if (!rateLimit.isAllowed) {
    const seconds = rateLimit.retryAfterSeconds;
    return { isAdmitted: false, status: 429, message: rateLimitedMessage(seconds), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds } };
  }
  return { isAdmitted: true, authenticated };
}
