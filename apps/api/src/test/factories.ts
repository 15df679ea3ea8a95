/**
 * Factories for integration tests: each call makes rows with unique values (names, numbers,
 * emails, secrets), so tests never collide and never depend on a hand-written fixture.
 *
 *   const partner = await createPartner(db);
 *   const user = await createUser(db, { partnerId: partner.id, role: 'SALES_AGENT' });
 *   const key = await createApiKey(db, { partnerId: partner.id });  // key.secret for HTTP tests
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '@switchyard/domain';
import { hashPassword } from '../auth/passwords.js';
import { generateToken, hashSecret } from '../auth/secrets.js';
import type { AppDatabase } from '../db/client.js';
import { apiKeys, partners, sessions, users } from '../db/schema/index.js';

let sequence = 0;
/** A value unique within this process (and, with the random part, across processes). */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${randomBytes(3).toString('hex')}`;
}

function uniquePartnerNumber(): string {
  sequence += 1;
  return String(1_000_000 + ((sequence * 7919 + randomBytes(2).readUInt16BE(0)) % 9_000_000)).padStart(7, '0');
}

/** A cheap password hash for tests (N=2^10): real hashes take ~50 ms each. */
export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;
function cheapPasswordHash(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password, { N: 1024, r: 8, p: 1 });
  testPasswordHash ??= hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 });
  return testPasswordHash;
}

export async function createPartner(db: AppDatabase, overrides: Partial<typeof partners.$inferInsert> = {}) {
  const name = overrides.name ?? unique('Partner');
  const [partner] = await db
    .insert(partners)
    .values({
      name,
      partnerNumber: uniquePartnerNumber(),
      kind: 'DIRECT_PROVIDER',
      cloud: 'GLOBAL',
      markets: ['US', 'GB', 'FR', 'DE'],
      domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
      ...overrides,
    })
    .returning();
  if (!partner) throw new Error('createPartner: no row returned');
  return partner;
}

export async function createUser(
  db: AppDatabase,
  options: { partnerId: string; role?: Role; password?: string; disabled?: boolean } & Partial<typeof users.$inferInsert>,
) {
  const { password = TEST_PASSWORD, disabled = false, role = 'GLOBAL_ADMIN', ...overrides } = options;
  const [user] = await db
    .insert(users)
    .values({
      email: `${unique('user').toLowerCase()}@example.test`,
      name: unique('User'),
      role,
      passwordHash: await cheapPasswordHash(password),
      disabledAt: disabled ? new Date() : null,
      ...overrides,
    })
    .returning();
  if (!user) throw new Error('createUser: no row returned');
  return { ...user, password };
}

export async function createApiKey(db: AppDatabase, options: { partnerId: string; role?: Role; revoked?: boolean }) {
  const secret = `sy_test_${generateToken(24)}`;
  const [key] = await db
    .insert(apiKeys)
    .values({
      partnerId: options.partnerId,
      name: unique('key'),
      role: options.role ?? 'GLOBAL_ADMIN',
      displayPrefix: secret.slice(0, 12),
      secretHash: hashSecret(secret),
      revokedAt: options.revoked ? new Date() : null,
    })
    .returning();
  if (!key) throw new Error('createApiKey: no row returned');
  return { ...key, secret };
}

/** A signed-in session; `token` is the cookie value. */
export async function createSession(db: AppDatabase, options: { userId: string; expiresAt?: Date }) {
  const token = generateToken();
  const [session] = await db
    .insert(sessions)
    .values({ userId: options.userId, tokenHash: hashSecret(token), expiresAt: options.expiresAt ?? new Date(Date.now() + 3_600_000) })
    .returning();
  if (!session) throw new Error('createSession: no row returned');
  return { ...session, token };
}

/** A partner with a GLOBAL_ADMIN user and API key: the usual starting point of a test. */
export async function createPartnerWithAdmin(db: AppDatabase, overrides: Partial<typeof partners.$inferInsert> = {}) {
  const partner = await createPartner(db, overrides);
  const admin = await createUser(db, { partnerId: partner.id, role: 'GLOBAL_ADMIN' });
  const apiKey = await createApiKey(db, { partnerId: partner.id });
  return { partner, admin, apiKey };
}
