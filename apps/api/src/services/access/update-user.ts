/**
 * `userUpdate` (domain.md §8): a global admin changes a user's role or disables (or re-enables)
 * it. Disabling ends the user's sessions at once. The domain's `checkUserUpdate` keeps at least
 * one active global admin per partner (`LAST_GLOBAL_ADMIN`).
 *
 * Races: two admins demoting each other at once must not both win. Every userUpdate first locks
 * the partner's active global admins (FOR UPDATE, in id order — the same order for everyone, so no
 * deadlock), then the target; the second request waits, then counts the admins the first left.
 */
import { assertAllowed, checkUserUpdate, userUpdateInputSchema } from '@switchyard/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import { ownUsersFilter } from '../../schema/access/visibility.js';
import { lockRow, nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { userAudit, userEvent } from './access-records.js';
import type { UserRow } from './access-records.js';

export const userUpdate: MutationDefinition<typeof userUpdateInputSchema, { user: UserRow }> = {
  operation: 'userUpdate',
  input: userUpdateInputSchema,
  payloadTables: { user: 'users' },
  async run(input, { tx, context, now }) {
    const activeGlobalAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(ownUsersFilter(context), eq(users.role, 'GLOBAL_ADMIN'), isNull(users.disabledAt)))
      .orderBy(asc(users.id))
      .for('update');
    const before = await lockRow(tx, users, {
      globalId: input.userId,
      typename: 'User',
      visible: ownUsersFilter(context),
      field: ['userId'],
      expectedVersion: input.expectedVersion,
      noun: 'user',
    });

    const decision = checkUserUpdate({
      user: { id: before.id, role: before.role, isDisabled: before.disabledAt !== null },
      change: { role: input.role, disabled: input.disabled },
      activeGlobalAdminIds: activeGlobalAdmins.map((admin) => admin.id),
    });
    assertAllowed(decision);

    const [user] = await tx
      .update(users)
      .set({
        role: decision.after.role,
        disabledAt: decision.after.isDisabled ? (before.disabledAt ?? now) : null,
        ...nextVersion(users, now),
      })
      .where(eq(users.id, before.id))
      .returning();
    if (!user) throw new Error('userUpdate: the update returned no row');
    // A disabled user is signed out everywhere at once, not when its sessions expire.
    if (user.disabledAt && !before.disabledAt)
      await tx.delete(sessions).where(eq(sessions.userId, user.id));

    return {
      payload: { user },
      audit: userAudit(before, user),
      events: [
        userEvent('user.updated', user, {
          previousRole: before.role,
          wasDisabled: before.disabledAt !== null,
        }),
      ],
    };
  },
};
