/**
 * `userInvite` (domain.md §8): a global admin adds a person to its organisation with a role. The
 * user has no password yet: the payload carries, once, a link with a single-use token (its SHA-256
 * is stored) where the person sets one (POST /auth/accept-invitation). An email already used by
 * any user is refused (`VALIDATION_FAILED` on `email`, from the unique index).
 */
import { userInviteInputSchema } from '@switchyard/domain';
import { generateToken, hashSecret } from '../../auth/secrets.js';
import { users } from '../../db/schema/index.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { userAudit, userEvent } from './access-records.js';
import type { UserRow } from './access-records.js';

/** How long an invited person has to set a password. */
export const USER_INVITATION_TTL_DAYS = 7;
const DAY_MS = 86_400_000;

/** The admin app's page where an invited person sets a password. */
export function userInvitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/accept-invitation/${encodeURIComponent(token)}`;
}

/** The new user, with its invitation link on the first run only (a replayed retry cannot rebuild it). */
export type InvitedUser = UserRow & { invitationUrl?: string };

export const userInvite: MutationDefinition<typeof userInviteInputSchema, { user: InvitedUser }> = {
  operation: 'userInvite',
  input: userInviteInputSchema,
  payloadTables: { user: 'users' },
  async run(input, { tx, context, now }) {
    const token = generateToken(32);
    const [user] = await tx
      .insert(users)
      .values({
        partnerId: context.partner.id,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: null,
        invitationTokenHash: hashSecret(token),
        invitationExpiresAt: new Date(now.getTime() + USER_INVITATION_TTL_DAYS * DAY_MS),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!user) throw new Error('userInvite: the insert returned no row');
    return {
      payload: { user: { ...user, invitationUrl: userInvitationUrl(context.publicUrl, token) } },
      audit: userAudit(null, user),
      events: [userEvent('user.invited', user)],
    };
  },
};
