/**
 * The access mutations (domain.md §8, §11): inviting and changing users, creating and revoking API
 * keys — for global admins (`users:manage`, `apiKeys:manage` in the domain's MUTATION_PERMISSIONS).
 * Resolvers are thin: each hands its input to `runMutation` with the business function in
 * src/services/access/. Inputs stay loose: the domain's schemas validate them, so a bad value comes
 * back as a `userErrors` entry.
 */
import { MUTATION_PERMISSIONS } from '@switchyard/domain';
import type { MutationName } from '@switchyard/domain';
import type { z } from 'zod';
import { builder } from '../../builder.js';
import { apiKeyCreate } from '../../services/access/create-api-key.js';
import { userInvite } from '../../services/access/invite-user.js';
import { apiKeyRevoke } from '../../services/access/revoke-api-key.js';
import { userUpdate } from '../../services/access/update-user.js';
import type { MutationDefinition, PayloadShape } from '../../services/mutation/run-mutation.js';
import { RoleEnum } from '../enums.js';
import { defineMutationField } from '../mutation-field.js';
import { mutationPayload } from '../mutation-payload.js';
import { User } from '../users/user.js';
import { ApiKey } from './api-key.js';
import './users.js';

const UserInviteInput = builder.inputType('UserInviteInput', {
  description:
    'A person to add to your organisation; they set their password through the invitation link.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'Their sign-in; unique across Switchyard.' }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

const UserUpdateInput = builder.inputType('UserUpdateInput', {
  description:
    'Change a user’s role, or disable (or enable) it; at least one. Your organisation keeps at least one active global admin.',
  fields: (t) => ({
    userId: t.id({ required: true }),
    expectedVersion: t.int({
      description: 'The `version` you last read; refused with STALE_VERSION if it changed since.',
    }),
    role: t.field({ type: RoleEnum }),
    disabled: t.boolean({
      description: 'true: the user can no longer sign in, and its sessions end at once.',
    }),
  }),
});

const ApiKeyCreateInput = builder.inputType('ApiKeyCreateInput', {
  description:
    'A new API key for an integration: a name to recognise it by, and the role it acts with.',
  fields: (t) => ({
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

const ApiKeyRevokeInput = builder.inputType('ApiKeyRevokeInput', {
  description: 'Revoke an API key: it stops working at once.',
  fields: (t) => ({
    apiKeyId: t.id({ required: true }),
    expectedVersion: t.int({
      description: 'The `version` you last read; refused with STALE_VERSION if it changed since.',
    }),
  }),
});

const userField = { type: User, description: 'The user as it is now; null when refused.' };
const apiKeyField = { type: ApiKey, description: 'The API key as it is now; null when refused.' };

const payloads = {
  userInvite: mutationPayload('UserInvite', {
    description: 'The result of `userInvite`: the user, with its invitation link.',
    fields: { user: userField },
  }),
  userUpdate: mutationPayload('UserUpdate', {
    description: 'The result of `userUpdate`.',
    fields: { user: userField },
  }),
  apiKeyCreate: mutationPayload('ApiKeyCreate', {
    description: 'The result of `apiKeyCreate`: the key, with its secret shown this once.',
    fields: { apiKey: apiKeyField },
  }),
  apiKeyRevoke: mutationPayload('ApiKeyRevoke', {
    description: 'The result of `apiKeyRevoke`.',
    fields: { apiKey: apiKeyField },
  }),
};

function accessMutation<S extends z.ZodType, P extends PayloadShape<P>>(
  name: keyof typeof payloads & MutationName,
  definition: MutationDefinition<S, P>,
  input: ReturnType<typeof builder.inputType>,
  description: string,
) {
  defineMutationField(name, { payload: payloads[name], definition, input, description, permission: MUTATION_PERMISSIONS[name] });
}

accessMutation(
  'userInvite',
  userInvite,
  UserInviteInput,
  'Invite a person to your organisation with a role. The payload’s `user.invitationUrl` (shown once) lets them set a password within 7 days.',
);
accessMutation(
  'userUpdate',
  userUpdate,
  UserUpdateInput,
  'Change a user’s role, or disable or enable it. Disabling signs the user out everywhere.',
);
accessMutation(
  'apiKeyCreate',
  apiKeyCreate,
  ApiKeyCreateInput,
  'Create an API key with a role. The payload’s `apiKey.secret` is shown this once: store it safely.',
);
accessMutation(
  'apiKeyRevoke',
  apiKeyRevoke,
  ApiKeyRevokeInput,
  'Revoke an API key. Requests with it are refused from now on.',
);
