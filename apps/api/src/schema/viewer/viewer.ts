/**
 * `viewer`: who is asking — the signed-in user or the API key, the partner it acts for, its role
 * and what that role permits (so the admin app can hide or explain actions it may not take).
 */
import { ROLE_PERMISSIONS } from '@switchyard/domain';
import { builder } from '../../builder.js';
import type { Actor } from '../../context.js';
import { ActorTypeEnum, RoleEnum } from '../enums.js';
import { Partner } from '../partners/partner.js';
import { plannedRow } from '../planned-rows.js';
import { User } from '../users/user.js';

const Viewer = builder.objectRef<Actor>('Viewer').implement({
  description: 'The actor making the request and the partner it acts for.',
  fields: (t) => ({
    actorType: t.field({ type: ActorTypeEnum, resolve: (actor) => (actor.type === 'user' ? 'USER' : 'API_KEY') }),
    role: t.field({ type: RoleEnum, resolve: (actor) => actor.role }),
    permissions: t.stringList({
      description: 'What the role allows, as `area:action` permissions (packages/domain ROLE_PERMISSIONS).',
      resolve: (actor) => [...ROLE_PERMISSIONS[actor.role]],
    }),
    user: t.drizzleField({
      type: User,
      nullable: true,
      description: 'The signed-in user; null for an API key.',
      resolve: (query, actor, _args, context) =>
        actor.type === 'user' ? plannedRow('users', context.db.query.users.findFirst(query({ where: { id: actor.id } }))) : null,
    }),
    apiKeyName: t.string({
      nullable: true,
      description: 'The API key\'s name; null for a user.',
      resolve: (actor) => (actor.type === 'apiKey' ? actor.label : null),
    }),
    partner: t.drizzleField({
      type: Partner,
      resolve: async (query, actor, _args, context) => {
        const partner = await plannedRow('partners', context.db.query.partners.findFirst(query({ where: { id: actor.partnerId } })));
        if (!partner) throw new Error(`The viewer's partner ${actor.partnerId} is missing`);
        return partner;
      },
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.actor,
  }),
);
