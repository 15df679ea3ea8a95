/**
 * The indirect link mutations (domain.md §2, §11): a provider invites a reseller
 * (`indirectLinkInvite`, by partner number), the reseller accepts (`indirectLinkAccept`), and the
 * provider suspends, reactivates or revokes it (`indirectLinkUpdate`). Thin resolvers over
 * src/services/indirect-links/; the domain validates inputs and decides every move.
 */
import { MUTATION_PERMISSIONS } from '@switchyard/domain';
import { builder } from '../../builder.js';
import { indirectLinkAccept } from '../../services/indirect-links/accept-indirect-link.js';
import { indirectLinkInvite } from '../../services/indirect-links/invite-indirect-link.js';
import { indirectLinkUpdate } from '../../services/indirect-links/update-indirect-link.js';
import { runMutation } from '../../services/mutation/run-mutation.js';
import { IndirectLinkStatusEnum } from '../enums.js';
import { mutationPayload } from '../mutation-payload.js';
import { IndirectLink } from '../partners/indirect-link.js';

const IndirectLinkInviteInput = builder.inputType('IndirectLinkInviteInput', {
  description:
    'Invite an indirect reseller to sell through your organisation (an indirect provider).',
  fields: (t) => ({
    resellerPartnerNumber: t.string({
      required: true,
      description: 'The reseller’s partner number: 6 or 7 digits.',
    }),
    message: t.string({ description: 'Shown to the reseller with the invitation.' }),
  }),
});

const IndirectLinkAcceptInput = builder.inputType('IndirectLinkAcceptInput', {
  description: 'Accept a provider’s invitation (resellers only).',
  fields: (t) => ({
    indirectLinkId: t.id({ required: true }),
    expectedVersion: t.int({
      description: 'The `version` you last read; refused with STALE_VERSION if it changed since.',
    }),
  }),
});

const IndirectLinkUpdateInput = builder.inputType('IndirectLinkUpdateInput', {
  description:
    'Suspend (SUSPENDED), reactivate (ACTIVE) or revoke (REVOKED, final) a link (providers only).',
  fields: (t) => ({
    indirectLinkId: t.id({ required: true }),
    expectedVersion: t.int({
      description: 'The `version` you last read; refused with STALE_VERSION if it changed since.',
    }),
    status: t.field({ type: IndirectLinkStatusEnum, required: true }),
  }),
});

const indirectLinkField = {
  type: IndirectLink,
  description: 'The link as it is now; null when refused.',
};

const IndirectLinkInvitePayload = mutationPayload('IndirectLinkInvite', {
  description: 'The result of `indirectLinkInvite`.',
  fields: { indirectLink: indirectLinkField },
});
const IndirectLinkAcceptPayload = mutationPayload('IndirectLinkAccept', {
  description: 'The result of `indirectLinkAccept`.',
  fields: { indirectLink: indirectLinkField },
});
const IndirectLinkUpdatePayload = mutationPayload('IndirectLinkUpdate', {
  description: 'The result of `indirectLinkUpdate`.',
  fields: { indirectLink: indirectLinkField },
});

builder.mutationField('indirectLinkInvite', (t) =>
  t.field({
    type: IndirectLinkInvitePayload,
    description:
      'As an indirect provider, invite an indirect reseller of your cloud by its partner number. The link is INVITED until the reseller accepts.',
    authScopes: { permission: MUTATION_PERMISSIONS.indirectLinkInvite },
    args: { input: t.arg({ type: IndirectLinkInviteInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, indirectLinkInvite, input) as never,
  }),
);

builder.mutationField('indirectLinkAccept', (t) =>
  t.field({
    type: IndirectLinkAcceptPayload,
    description: 'As the invited indirect reseller, accept the link: it becomes ACTIVE.',
    authScopes: { permission: MUTATION_PERMISSIONS.indirectLinkAccept },
    args: { input: t.arg({ type: IndirectLinkAcceptInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, indirectLinkAccept, input) as never,
  }),
);

builder.mutationField('indirectLinkUpdate', (t) =>
  t.field({
    type: IndirectLinkUpdatePayload,
    description:
      'As the indirect provider, suspend, reactivate or revoke a link. Revoking is final; invite the reseller again to start over.',
    authScopes: { permission: MUTATION_PERMISSIONS.indirectLinkUpdate },
    args: { input: t.arg({ type: IndirectLinkUpdateInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, indirectLinkUpdate, input) as never,
  }),
);
