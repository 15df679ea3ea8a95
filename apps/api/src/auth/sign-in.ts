/**
 * Signing in and out of the admin app: checks an email and password against `users`, records the
 * attempt, throttles repeated failures, and creates or ends a session whose token only the
 * browser's httpOnly cookie holds (the database keeps its SHA-256).
 *
 * Throttle: after THROTTLE_FAILURES failed attempts for one email from one IP address within
 * THROTTLE_WINDOW_MINUTES (counted since the last success), further attempts are refused without
 * checking the password. Keyed on the pair so that a stranger cannot lock a user out from elsewhere;
 * attempts are stored in `sign_in_attempts`, so the count survives restarts and spans processes.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Role } from '@switchyard/domain';
import type { AppDatabase } from '../db/client.js';
import { sessions, signInAttempts, users } from '../db/schema/index.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { generateToken, hashSecret } from './secrets.js';

export const THROTTLE_FAILURES = 5;
export const THROTTLE_WINDOW_MINUTES = 15;

export interface SignInInput {
  email: string;
  password: string;
  ipAddress: string | undefined;
  sessionTtlHours: number;
}

export type SignInResult =
  | {
      ok: true;
      token: string;
      expiresAt: Date;
      user: { id: string; email: string; name: string; role: Role };
      partner: { id: string; name: string };
    }
  | { ok: false; code: 'UNAUTHENTICATED' | 'LOGIN_THROTTLED'; message: string };

const WRONG_CREDENTIALS = 'The email or password is wrong.';

export async function signIn(db: AppDatabase, input: SignInInput): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const ipAddress = input.ipAddress ?? null;

  if ((await recentFailures(db, email, ipAddress)) >= THROTTLE_FAILURES) {
    return {
      ok: false,
      code: 'LOGIN_THROTTLED',
      message: `Too many failed sign-ins. Try again in ${THROTTLE_WINDOW_MINUTES} minutes.`,
    };
  }

  const user = await db.query.users.findFirst({ where: { email }, with: { partner: { columns: { id: true, name: true } } } });
  // Verify even when there is no usable hash, so an unknown email takes as long as a wrong password.
  const isPasswordRight = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || user.disabledAt || !isPasswordRight) {
    await db.insert(signInAttempts).values({ email, ipAddress, isSuccessful: false });
    return { ok: false, code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS };
  }

  const token = generateToken();
  const expiresAt = new Date(Date.now() + input.sessionTtlHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email, ipAddress, isSuccessful: true });
    await tx.insert(sessions).values({ tokenHash: hashSecret(token), userId: user.id, expiresAt });
    await tx.update(users).set({ lastSignedInAt: sql`now()` }).where(eq(users.id, user.id));
  });
  return {
    ok: true,
    token,
    expiresAt,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    partner: user.partner,
  };
}

/** Ends the session the token belongs to (if any). */
export async function signOut(db: AppDatabase, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
}

async function recentFailures(db: AppDatabase, email: string, ipAddress: string | null): Promise<number> {
  const samePair = and(eq(signInAttempts.email, email), sql`${signInAttempts.ipAddress} is not distinct from ${ipAddress}`);
  const lastSuccess = db
    .select({ at: sql`max(${signInAttempts.attemptedAt})` })
    .from(signInAttempts)
    .where(and(samePair, eq(signInAttempts.isSuccessful, true)));
  const [row] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(signInAttempts)
    .where(
      and(
        samePair,
        eq(signInAttempts.isSuccessful, false),
        gt(signInAttempts.attemptedAt, sql`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`),
        sql`${signInAttempts.attemptedAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    );
  return row?.failures ?? 0;
}
