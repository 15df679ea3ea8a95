/**
 * Relationships between partners and customers (domain.md §6, §11): the partner's side —
 * `relationshipRequestCreate`, `relationshipRequestRevoke`, `relationshipTerminate` — and the
 * customer's side, answered on the admin app's public invitation page.
 *
 * THE INVITATION CONTRACT (for the invitation page, `/invitations/<token>` in the admin app):
 *
 *   query Invitation($token: String!) {
 *     invitation(token: $token) {            # null: no invitation has this token
 *       status canAnswer                     # canAnswer: PENDING and not past expiresAt
 *       partnerName partnerDomain indirectProviderName relationshipType
 *       customerCompanyName customerPrimaryDomain isDelegatedAdminRequested message
 *       sentAt expiresAt respondedAt
 *     }
 *   }
 *   mutation Accept($token: String!) {
 *     relationshipRequestAccept(input: { token: $token }) { invitation { status } userErrors { code message field } }
 *   }
 *   mutation Decline($token: String!, $reason: String) {
 *     relationshipRequestDecline(input: { token: $token, reason: $reason }) { invitation { status } userErrors { code message field } }
 *   }
 *
 * - No credentials are needed: the token from the URL is the authorisation (send the request with
 *   or without a session; either works). The token is single-use: once answered, the page keeps
 *   showing the invitation with its status, and answering again is refused.
 * - userErrors codes: NOT_FOUND (unknown token, field ["input","token"]), INVITATION_EXPIRED (90
 *   days after it was sent), INVITATION_ALREADY_USED (accepted or declined already),
 *   INVITATION_REVOKED (the partner withdrew it), VALIDATION_FAILED (empty token, reason too long).
 * - The payload's `invitation` is the invitation as it stands after the answer (or the refusal).
 * - The URL itself is returned once, to the partner, in `relationshipRequestCreate.invitationUrl`.
 *
 * Resolvers are thin: runMutation with the business functions in src/services/relationships/; the
 * token-authorised ones go through `answerInvitation` (which acts for the requesting partner).
 */
import { MUTATION_PERMISSIONS } from '@switchyard/domain';
import { builder } from '../../builder.js';
import { runMutation } from '../../services/mutation/run-mutation.js';
import { relationshipRequestAccept } from '../../services/relationships/accept-relationship-request.js';
import {
  answerInvitation,
  findInvitation,
} from '../../services/relationships/answer-invitation.js';
import type { InvitationAnswer } from '../../services/relationships/answer-invitation.js';
import { relationshipRequestCreate } from '../../services/relationships/create-relationship-request.js';
import { relationshipRequestDecline } from '../../services/relationships/decline-relationship-request.js';
import type { InvitationView } from '../../services/relationships/invitation.js';
import { relationshipRequestRevoke } from '../../services/relationships/revoke-relationship-request.js';
import { relationshipTerminate } from '../../services/relationships/terminate-relationship.js';
import { RelationshipRequestStatusEnum, RelationshipTypeEnum } from '../enums.js';
import { mutationPayload } from '../mutation-payload.js';
import { UserErrorType } from '../user-error.js';
import { Relationship, RelationshipRequest } from './relationship.js';

// ---------------------------------------------------------------------------------------------
// The public invitation
// ---------------------------------------------------------------------------------------------

const Invitation = builder.objectRef<InvitationView>('Invitation').implement({
  description:
    'A relationship request as its customer’s administrator sees it on the invitation page: who asks for what, and whether it can still be answered.',
  fields: (t) => ({
    status: t.field({
      type: RelationshipRequestStatusEnum,
      description:
        'EXPIRED as soon as `expiresAt` has passed, even before the background job records it.',
      resolve: (invitation) => invitation.status,
    }),
    canAnswer: t.exposeBoolean('canAnswer', {
      description: 'True while the invitation can be accepted or declined.',
    }),
    partnerName: t.exposeString('partnerName', {
      description: 'The partner asking for the relationship.',
    }),
    partnerDomain: t.exposeString('partnerDomain'),
    indirectProviderName: t.exposeString('indirectProviderName', {
      nullable: true,
      description:
        'For an indirect reseller: the indirect provider it sells through, which gets a relationship with you too.',
    }),
    relationshipType: t.field({
      type: RelationshipTypeEnum,
      resolve: (invitation) => invitation.relationshipType,
    }),
    customerCompanyName: t.exposeString('customerCompanyName'),
    customerPrimaryDomain: t.exposeString('customerPrimaryDomain'),
    isDelegatedAdminRequested: t.exposeBoolean('isDelegatedAdminRequested', {
      description: 'The partner also asks for delegated administration of your tenant.',
    }),
    message: t.exposeString('message', { nullable: true, description: 'The partner’s message.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('invitation', (t) =>
  t.field({
    type: Invitation,
    nullable: true,
    description:
      'Public: the invitation behind a token from an invitation URL, or null when no invitation has this token.',
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, context) => findInvitation(context, token),
  }),
);

const RelationshipRequestAcceptInput = builder.inputType('RelationshipRequestAcceptInput', {
  description: 'The token from the invitation URL.',
  fields: (t) => ({ token: t.string({ required: true }) }),
});

const RelationshipRequestDeclineInput = builder.inputType('RelationshipRequestDeclineInput', {
  description: 'The token from the invitation URL, and why (optional, shown to the partner).',
  fields: (t) => ({ token: t.string({ required: true }), reason: t.string() }),
});

/** What a customer's administrator gets back: the invitation, never the partner's objects. */
const RelationshipRequestAnswerPayload = builder
  .objectRef<InvitationAnswer>('RelationshipRequestAnswerPayload')
  .implement({
    description: 'The result of `relationshipRequestAccept` and `relationshipRequestDecline`.',
    fields: (t) => ({
      invitation: t.field({
        type: Invitation,
        nullable: true,
        description: 'The invitation as it stands now; null when the token matches none.',
        resolve: (payload) => payload.invitation,
      }),
      userErrors: t.field({
        type: [UserErrorType],
        description:
          'Empty when the answer was recorded; otherwise why it was refused (and nothing was changed).',
        resolve: (payload) => payload.userErrors,
      }),
    }),
  });

builder.mutationField('relationshipRequestAccept', (t) =>
  t.field({
    type: RelationshipRequestAnswerPayload,
    description:
      'Public, token-authorised: the customer’s administrator accepts the relationship request behind an invitation. The partner gets an active relationship (and an indirect reseller’s provider one too).',
    resolve: (_root, { input }, context) =>
      answerInvitation(context, relationshipRequestAccept, input),
    args: { input: t.arg({ type: RelationshipRequestAcceptInput, required: true }) },
  }),
);

builder.mutationField('relationshipRequestDecline', (t) =>
  t.field({
    type: RelationshipRequestAnswerPayload,
    description:
      'Public, token-authorised: the customer’s administrator declines the relationship request behind an invitation.',
    args: { input: t.arg({ type: RelationshipRequestDeclineInput, required: true }) },
    resolve: (_root, { input }, context) =>
      answerInvitation(context, relationshipRequestDecline, input),
  }),
);

// ---------------------------------------------------------------------------------------------
// The partner's side
// ---------------------------------------------------------------------------------------------

const RelationshipRequestCreateInput = builder.inputType('RelationshipRequestCreateInput', {
  description:
    'Ask a customer for a reseller relationship. The answer comes through the invitation URL you send its administrator.',
  fields: (t) => ({
    customerId: t.id({
      description: 'A customer your organisation can see; or give `primaryDomain`.',
    }),
    primaryDomain: t.string({
      description:
        'The primary domain the customer’s administrator gave you (e.g. adatum.onmicrosoft.com): how to reach a customer in your cloud you have not worked with yet.',
    }),
    delegatedAdmin: t.boolean({
      description: 'Also ask for delegated administration of the tenant (default false).',
    }),
    indirectProviderId: t.id({
      description: 'Indirect resellers: the indirect provider (an active link) you sell through.',
    }),
    message: t.string({
      description: 'Shown to the customer’s administrator on the invitation page.',
    }),
  }),
});

const RelationshipRequestRevokeInput = builder.inputType('RelationshipRequestRevokeInput', {
  description: 'Withdraw a pending request; its invitation stops working.',
  fields: (t) => ({
    requestId: t.id({ required: true }),
    expectedVersion: t.int({
      description: 'The `version` you last read; refused with STALE_VERSION if it changed since.',
    }),
  }),
});

const RelationshipTerminateInput = builder.inputType('RelationshipTerminateInput', {
  description: 'End your organisation’s relationship with a customer.',
  fields: (t) => ({
    relationshipId: t.id({ required: true }),
    expectedVersion: t.int({
      description: 'The `version` you last read; refused with STALE_VERSION if it changed since.',
    }),
  }),
});

const RelationshipRequestCreatePayload = mutationPayload('RelationshipRequestCreate', {
  description: 'The result of `relationshipRequestCreate`.',
  fields: {
    relationshipRequest: {
      type: RelationshipRequest,
      description: 'The new pending request; null when refused.',
    },
  },
});

builder.objectField(RelationshipRequestCreatePayload, 'invitationUrl', (t) =>
  t.string({
    nullable: true,
    description:
      'The invitation URL to send the customer’s administrator. Shown only here, only once: Switchyard keeps a hash of its token. Null when refused, and on a retry replayed by its Idempotency-Key (revoke and send a new request to get another link).',
    resolve: (payload) =>
      (payload as { relationshipRequest?: { invitationUrl?: string } | null }).relationshipRequest
        ?.invitationUrl ?? null,
  }),
);

const RelationshipRequestRevokePayload = mutationPayload('RelationshipRequestRevoke', {
  description: 'The result of `relationshipRequestRevoke`.',
  fields: {
    relationshipRequest: {
      type: RelationshipRequest,
      description: 'The request as it is now; null when refused.',
    },
  },
});

const RelationshipTerminatePayload = mutationPayload('RelationshipTerminate', {
  description: 'The result of `relationshipTerminate`.',
  fields: {
    relationship: {
      type: Relationship,
      description: 'The relationship as it is now; null when refused.',
    },
  },
});

builder.mutationField('relationshipRequestCreate', (t) =>
  t.field({
    type: RelationshipRequestCreatePayload,
    description:
      'Ask a customer for a reseller relationship: only in your cloud and markets, never to a partner tenant. The request is PENDING for 90 days; send its `invitationUrl` to the customer’s administrator.',
    authScopes: { permission: MUTATION_PERMISSIONS.relationshipRequestCreate },
    args: { input: t.arg({ type: RelationshipRequestCreateInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, relationshipRequestCreate, input) as never,
  }),
);

builder.mutationField('relationshipRequestRevoke', (t) =>
  t.field({
    type: RelationshipRequestRevokePayload,
    description: 'Withdraw a pending relationship request of your organisation.',
    authScopes: { permission: MUTATION_PERMISSIONS.relationshipRequestRevoke },
    args: { input: t.arg({ type: RelationshipRequestRevokeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, relationshipRequestRevoke, input) as never,
  }),
);

builder.mutationField('relationshipTerminate', (t) =>
  t.field({
    type: RelationshipTerminatePayload,
    description:
      'End your organisation’s relationship with a customer. Refused while you still sell it active or suspended subscriptions (RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS); subscriptions from other channels you managed are released.',
    authScopes: { permission: MUTATION_PERMISSIONS.relationshipTerminate },
    args: { input: t.arg({ type: RelationshipTerminateInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, relationshipTerminate, input) as never,
  }),
);
