/** Who may act: users with their sessions and sign-in attempts, and API keys. Secrets are stored only as hashes. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.js';
import { roleEnum } from './enums.js';
import { partners } from './partners.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** `scrypt$N$r$p$salt$hash`; null until an invited user sets a password. */
    passwordHash: text('password_hash'),
    /** SHA-256 of the single-use token in an invited user's link; null once the password is set. */
    invitationTokenHash: text('invitation_token_hash').unique(),
    invitationExpiresAt: at('invitation_expires_at'),
    disabledAt: at('disabled_at'),
    lastSignedInAt: at('last_signed_in_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index('users_partner_idx').on(t.partnerId),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    /** SHA-256 of the cookie's token. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').notNull().references(() => users.id),
    expiresAt: at('expires_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ipAddress: text('ip_address'),
    isSuccessful: boolean('is_successful').notNull(),
    attemptedAt: at('attempted_at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.email, t.attemptedAt)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** The first characters of the secret (e.g. `sy_live_ab12`), shown so people can tell keys apart. */
    displayPrefix: text('display_prefix').notNull(),
    /** SHA-256 of the secret: a high-entropy secret needs no slow hash. */
    secretHash: text('secret_hash').notNull().unique(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [index('api_keys_partner_idx').on(t.partnerId)],
);
