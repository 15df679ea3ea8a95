/** User: a person who signs in to the admin app for one partner, with one role (domain.md §8). */
import { builder } from '../../builder.js';
import { RoleEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { visibleUserIds } from '../access/visibility.js';

export const User = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (user) => user.id },
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    isDisabled: t.boolean({ select: { columns: { disabledAt: true } }, resolve: (user) => user.disabledAt !== null }),
    lastSignedInAt: t.expose('lastSignedInAt', { type: 'DateTime', nullable: true }),
    partner: t.relation('partner'),
  }),
});

// A partner's users are visible to that partner only (the filter lives with the access feature).
registerNodeVisibility('User', visibleUserIds);
