/**
 * An invited user (`userInvite`) sets its password with the single-use token of its invitation
 * link, and is signed in. Runs on the root connection, like sign-in: nobody is authenticated yet
 * and the token is what names the user. The token's hash is cleared in the same transaction that
 * sets the password, so a link works once; the change is audited as the user's own act.
 */
import { userInvitationAcceptInputSchema, parseInput } from '@switchyard/domain';
import type { Role, UserError } from '@switchyard/domain';
import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';
import { sessions, users } from '../db/schema/index.js';
import { writeAuditEvent } from '../services/mutation/audit.js';
import { hashPassword } from './passwords.js';
import { generateToken, hashSecret } from './secrets.js';

export type AcceptUserInvitationResult =
  | {
      ok: true;
      token: string;
      expiresAt: Date;
      user: { id: string; email: string; name: string; role: Role };
      partnerId: string;
    }
  | { ok: false; status: 400 | 404 | 410; error: UserError };

export async function acceptUserInvitation(
  db: AppDatabase,
  rawInput: unknown,
  options: {
    sessionTtlHours: number;
    now?: Date;
    passwordCost?: { N: number; r: number; p: number };
  },
): Promise<AcceptUserInvitationResult> {
  const parsed = parseInput(userInvitationAcceptInputSchema, rawInput);
  if (!parsed.ok) {
    const [error] = parsed.errors;
    return {
      ok: false,
      status: 400,
      error: error ?? { code: 'VALIDATION_FAILED', message: 'Send the token and a password.' },
    };
  }
  const { token, password } = parsed.value;
  const now = options.now ?? new Date();
  // Hash before the transaction: scrypt takes ~50 ms and must not hold a row lock meanwhile.
  const passwordHash = await hashPassword(password, options.passwordCost);
  const sessionToken = generateToken();
  const expiresAt = new Date(now.getTime() + options.sessionTtlHours * 3_600_000);

  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.invitationTokenHash, hashSecret(token)))
      .for('update');
    // A used link had its hash cleared: it is as unknown as a made-up one.
    if (!user || user.disabledAt) {
      return {
        ok: false,
        status: 404,
        error: {
          code: 'NOT_FOUND',
          message:
            'This invitation link is not valid: it may have been used already. Ask your admin for a new one.',
        },
      } as const;
    }
    if (user.invitationExpiresAt && user.invitationExpiresAt <= now) {
      return {
        ok: false,
        status: 410,
        error: {
          code: 'INVITATION_EXPIRED',
          message: 'This invitation has expired. Ask your admin to invite you again.',
        },
      } as const;
    }
    const [updated] = await tx
      .update(users)
      .set({
        passwordHash,
        invitationTokenHash: null,
        invitationExpiresAt: null,
        version: sql`${users.version} + 1`,
        updatedAt: now,
        lastSignedInAt: now,
      })
      .where(eq(users.id, user.id))
      .returning();
    if (!updated) throw new Error('acceptUserInvitation: the update returned no row');
    await tx
      .insert(sessions)
      .values({ tokenHash: hashSecret(sessionToken), userId: user.id, expiresAt });
    await writeAuditEvent(tx, {
      partnerId: user.partnerId,
      actor: { type: 'user', id: user.id, label: user.email },
      operation: 'userInvitationAccept',
      targetType: 'User',
      targetIds: [user.id],
      before: { isInvitationPending: true, version: user.version },
      after: { isInvitationPending: false, version: updated.version },
      requestId: null,
      idempotencyKey: null,
      occurredAt: now,
    });
    return {
      ok: true,
      token: sessionToken,
      expiresAt,
      user: { id: updated.id, email: updated.email, name: updated.name, role: updated.role },
      partnerId: updated.partnerId,
    } as const;
  });
}
