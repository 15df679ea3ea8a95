/**
 * The access side of `User` (the type itself is in ../users/user.ts): what a global admin needs to
 * manage people — the version to send back, whether the invitation is still open, the invitation
 * link (only in `userInvite`'s payload) — and `users`, the settings screen's list.
 */
import { builder } from '../../builder.js';
import { users } from '../../db/schema/index.js';
import { plannedRows } from '../planned-rows.js';
import { User } from '../users/user.js';
import { ownUsersFilter } from './visibility.js';

builder.drizzleObjectFields(User, (t) => ({
  createdAt: t.expose('createdAt', { type: 'DateTime' }),
  version: t.exposeInt('version', {
    description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.',
  }),
  isInvitationPending: t.boolean({
    description: 'Invited, and no password set yet.',
    select: { columns: { passwordHash: true } },
    resolve: (user) => user.passwordHash === null,
  }),
  invitationUrl: t.string({
    nullable: true,
    description:
      'The link where the invited person sets a password: only in the payload of the `userInvite` that made it; null everywhere else.',
    resolve: (user) => (user as { invitationUrl?: string }).invitationUrl ?? null,
  }),
}));

builder.queryField('users', (t) =>
  t.drizzleConnection({
    type: User,
    description: 'The people of your organisation who sign in to the admin app, by email.',
    authScopes: { permission: 'users:manage' },
    totalCount: (_parent, _args, context) => context.db.$count(users, ownUsersFilter(context)),
    resolve: (query, _parent, _args, context) =>
      plannedRows(
        'users',
        context.db.query.users.findMany(
          query({
            where: { RAW: (table) => ownUsersFilter(context, table) },
            orderBy: { email: 'asc' },
          }),
        ),
      ),
  }),
);
