/**
 * Who is asking: turns the credentials of a request (an API key or a session cookie) into an actor
 * bound to one partner. Each lookup is one query that also loads the partner, run on the root
 * database before the request transaction opens (the partner to act for is what it finds out).
 */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Role } from '@switchyard/domain';
import type { AppDatabase } from '../db/client.js';
import { apiKeys, sessions } from '../db/schema/index.js';
import type { partners } from '../db/schema/index.js';
import { hashSecret } from './secrets.js';

export type PartnerRow = typeof partners.$inferSelect;

/** A user signed in to the admin app, or an integrator's API key. Both act for one partner with one role. */
export interface Actor {
  type: 'user' | 'apiKey';
  /** The user's or the API key's id. */
  id: string;
  partnerId: string;
  role: Role;
  /** The user's email or the key's name, as the audit log shows it. */
  label: string;
  /** The session (users signed in through the admin app), so sign-out can end it. */
  sessionId?: string;
}

export interface Authenticated {
  actor: Actor;
  partner: PartnerRow;
}

/** What a request presented. `invalid`: something was sent, but it is not a credential we accept. */
export type Credentials =
  | { kind: 'none' }
  | { kind: 'apiKey'; secret: string }
  | { kind: 'session'; token: string }
  | { kind: 'invalid'; reason: string };

export const SESSION_COOKIE = 'sy_session';
/** The `Set-Cookie` value that removes a dead session cookie (as Express's `res.clearCookie(SESSION_COOKIE)` writes it). */
export const CLEARED_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;

/** Reads credentials from request headers. The Authorization header wins over the cookie. */
export function credentialsFromHeaders(authorization: string | undefined, cookieHeader: string | undefined): Credentials {
  if (authorization !== undefined && authorization.trim() !== '') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) return { kind: 'invalid', reason: 'The Authorization header must be "Bearer <API key>".' };
    return { kind: 'apiKey', secret: match[1] };
  }
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  return token ? { kind: 'session', token } : { kind: 'none' };
}

/** Why presented credentials were refused, for the caller (HTTP 401 and the WebSocket's close reason alike). */
export function refusedCredentialsMessage(credentials: Exclude<Credentials, { kind: 'none' }>): string {
  switch (credentials.kind) {
    case 'invalid':
      return credentials.reason;
    case 'apiKey':
      return 'The API key is invalid or has been revoked.';
    case 'session':
      return 'Your session has expired. Sign in again.';
  }
}

export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** `lastUsedAt`/`lastSeenAt` are refreshed at most this often, so most requests write nothing. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The two lookups every request makes, built once per database: Drizzle's relational query
 * builder spent about a quarter of the API's time on the cheapest request (`viewer`, pnpm bench
 * --cpu-prof) turning these into SQL again and again. Unnamed statements — the SQL text is reused,
 * nothing is prepared on the server — so they run through PgBouncer in transaction mode as well.
 */
function prepareLookups(db: AppDatabase) {
  return {
    apiKey: db.query.apiKeys
      .findFirst({ where: { secretHash: sql.placeholder('secretHash'), revokedAt: { isNull: true } }, with: { partner: true } })
      .prepare(),
    session: db.query.sessions
      .findFirst({ where: { tokenHash: sql.placeholder('tokenHash'), expiresAt: { gt: sql.placeholder('now') } }, with: { user: { with: { partner: true } } } })
      .prepare(),
  };
}

const preparedLookups = new WeakMap<AppDatabase, ReturnType<typeof prepareLookups>>();

function lookups(db: AppDatabase): ReturnType<typeof prepareLookups> {
  let prepared = preparedLookups.get(db);
  if (!prepared) {
    prepared = prepareLookups(db);
    preparedLookups.set(db, prepared);
  }
  return prepared;
}

/** Records that a key was used, at most once per LAST_USED_RESOLUTION_MS (most requests write nothing). */
export async function touchApiKey(db: AppDatabase, keyId: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() <= LAST_USED_RESOLUTION_MS) return;
  // Conditional, so concurrent requests with one key write once per interval.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
}

export async function authenticateApiKey(db: AppDatabase, secret: string, now = new Date()): Promise<Authenticated | null> {
  const key = await lookups(db).apiKey.execute({ secretHash: hashSecret(secret) });
  if (!key) return null;
  await touchApiKey(db, key.id, key.lastUsedAt, now);
  return {
    actor: { type: 'apiKey', id: key.id, partnerId: key.partnerId, role: key.role, label: key.name },
    partner: key.partner,
  };
}

export async function authenticateSession(db: AppDatabase, token: string, now = new Date()): Promise<Authenticated | null> {
  const session = await lookups(db).session.execute({ tokenHash: hashSecret(token), now });
  if (!session || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, session.id));
  }
  const { user } = session;
  return {
    actor: { type: 'user', id: user.id, partnerId: user.partnerId, role: user.role, label: user.email, sessionId: session.id },
    partner: user.partner,
  };
}

/** Resolves presented credentials; `null` when they do not identify an active actor. */
export async function authenticate(db: AppDatabase, credentials: Credentials): Promise<Authenticated | null> {
  switch (credentials.kind) {
    case 'apiKey':
      return authenticateApiKey(db, credentials.secret);
    case 'session':
      return authenticateSession(db, credentials.token);
    case 'none':
    case 'invalid':
      return null;
  }
}

/**
 * Loads an actor by id, for the in-process test executor and jobs: the same checks as the
 * credential paths (user not disabled, key not revoked), without a secret.
 */
export async function loadActor(db: AppDatabase, who: { type: 'user' | 'apiKey'; id: string }): Promise<Authenticated | null> {
  if (who.type === 'apiKey') {
    const key = await db.query.apiKeys.findFirst({ where: { id: who.id, revokedAt: { isNull: true } }, with: { partner: true } });
    return key
      ? { actor: { type: 'apiKey', id: key.id, partnerId: key.partnerId, role: key.role, label: key.name }, partner: key.partner }
      : null;
  }
  const user = await db.query.users.findFirst({ where: { id: who.id, disabledAt: { isNull: true } }, with: { partner: true } });
  return user
    ? { actor: { type: 'user', id: user.id, partnerId: user.partnerId, role: user.role, label: user.email }, partner: user.partner }
    : null;
}
