/**
 * The transfer mutations (domain.md §7, §11): `transferCreate` (the three kinds), and the answers
 * `transferAccept` / `transferReject` (the source partner) and `transferCancel` (the requester).
 * Resolvers are thin: each hands its input to `runMutation` with the business function in
 * src/services/transfers/. Inputs stay loose (ids, enums, strings): the domain's schemas validate
 * them, so a bad value comes back as a `userErrors` entry, not a top-level error.
 */
import { MUTATION_PERMISSIONS } from '@switchyard/domain';
import type { MutationName } from '@switchyard/domain';
import type { z } from 'zod';
import { builder } from '../../builder.js';
import type { SchemaTypes } from '../../builder.js';
import type { MutationDefinition, PayloadShape } from '../../services/mutation/run-mutation.js';
import { transferAccept } from '../../services/transfers/accept-transfer.js';
import { transferCancel } from '../../services/transfers/cancel-transfer.js';
import { transferCreate } from '../../services/transfers/create-transfer.js';
import { transferReject } from '../../services/transfers/reject-transfer.js';
import { BillingCycleEnum, CancelSourceEnum, TermEnum, TransferEffectiveEnum, TransferKindEnum } from '../enums.js';
import { defineMutationField } from '../mutation-field.js';
import { mutationPayload } from '../mutation-payload.js';
import { Subscription } from '../subscriptions/subscription.js';
import { Transfer } from './transfer.js';

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const UsageMigrationNewSubscriptionInput = builder.inputType('UsageMigrationNewSubscriptionInput', {
  description:
    'The CSP Azure subscription a usage migration creates. Prefill it from the source (its `transferEligibility` shows how); every field can be changed.',
  fields: (t) => ({
    offerId: t.id({ description: 'A usage-based offer of your cloud’s catalog.' }),
    term: t.field({ type: TermEnum }),
    billingCycle: t.field({ type: BillingCycleEnum }),
    autoRenew: t.boolean({ description: 'Renew at term end (default true).' }),
    indirectProviderId: t.id({ description: 'Indirect resellers: the indirect provider to sell through.' }),
  }),
});

const TransferCreateInput = builder.inputType('TransferCreateInput', {
  description: [
    'Move subscriptions of one customer to your organisation. By kind:',
    '- PARTNER_SWITCH: CSP subscriptions of another partner; PENDING until that partner answers. License-based ones move only at term end (`effective: AT_TERM_END`) where the cloud says so.',
    '- USAGE_MIGRATION: one Azure subscription from another channel; completes at once: a new CSP subscription gets `serviceIds`, and `cancelSource` says whether the source ends (ENTIRE) or keeps its other services (SERVICES).',
    '- LICENSE_TRANSITION: license-based subscriptions from another channel; SCHEDULED for their term end, when CSP subscriptions replace them. Their auto-renew is turned off at once.',
  ].join('\n'),
  fields: (t) => ({
    kind: t.field({ type: TransferKindEnum, required: true }),
    customerId: t.id({ required: true }),
    subscriptionIds: t.idList({ required: true, description: 'The subscriptions to move (a usage migration: exactly one).' }),
    effective: t.field({
      type: TransferEffectiveEnum,
      description: 'PARTNER_SWITCH: IMMEDIATELY (default) or AT_TERM_END, which schedules each license-based subscription for its term end.',
    }),
    indirectProviderId: t.id({ description: 'Indirect resellers (PARTNER_SWITCH, LICENSE_TRANSITION): the indirect provider to bill through.' }),
    newSubscription: t.field({ type: UsageMigrationNewSubscriptionInput, description: 'USAGE_MIGRATION only.' }),
    serviceIds: t.idList({ description: 'USAGE_MIGRATION only: the services to move, some or all of the source’s active ones.' }),
    cancelSource: t.field({ type: CancelSourceEnum, description: 'USAGE_MIGRATION only.' }),
  }),
});

function transferReferenceFields(t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>, 'InputObject'>) {
  return {
    transferId: t.id({ required: true }),
    expectedVersion: t.int({ description: 'The `version` you last read; refused with STALE_VERSION if it changed since.' }),
  };
}

const TransferAcceptInput = builder.inputType('TransferAcceptInput', {
  description: 'The source partner lets the subscriptions go.',
  fields: (t) => ({
    ...transferReferenceFields(t),
    lineItemIds: t.idList({
      description: 'The line items that go (at least one); the others are DESELECTED and stay with you. Left out: all of them.',
    }),
  }),
});

const TransferRejectInput = builder.inputType('TransferRejectInput', {
  description: 'The source partner keeps the subscriptions.',
  fields: (t) => ({ ...transferReferenceFields(t), reason: t.string({ description: 'Required: shown to the requester.' }) }),
});

const TransferCancelInput = builder.inputType('TransferCancelInput', {
  description: 'The requester withdraws its transfer while it is PENDING or SCHEDULED.',
  fields: (t) => ({ ...transferReferenceFields(t), reason: t.string() }),
});

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

const transferField = { type: Transfer, description: 'The transfer as it is now; null when refused.' };
const subscriptionsField = {
  type: [Subscription] as [typeof Subscription],
  description: 'The subscriptions the transfer holds or changed, as they are now (a usage migration: the source and the new CSP subscription); null when refused.',
};

const payloads = {
  transferCreate: mutationPayload('TransferCreate', {
    description: 'The result of `transferCreate`.',
    fields: { transfer: transferField, subscriptions: subscriptionsField },
  }),
  transferAccept: mutationPayload('TransferAccept', {
    description: 'The result of `transferAccept`.',
    fields: { transfer: transferField, subscriptions: subscriptionsField },
  }),
  transferReject: mutationPayload('TransferReject', { description: 'The result of `transferReject`.', fields: { transfer: transferField } }),
  transferCancel: mutationPayload('TransferCancel', { description: 'The result of `transferCancel`.', fields: { transfer: transferField } }),
};

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

type TransferMutationName = keyof typeof payloads & MutationName;

function transferMutation<S extends z.ZodType, P extends PayloadShape<P>>(
  name: TransferMutationName,
  definition: MutationDefinition<S, P>,
  input: ReturnType<typeof builder.inputType>,
  description: string,
) {
  defineMutationField(name, { payload: payloads[name], definition, input, description, permission: MUTATION_PERMISSIONS[name] });
}

transferMutation(
  'transferCreate',
  transferCreate,
  TransferCreateInput,
  'Ask to move subscriptions of one customer to your organisation (see TransferCreateInput for the three kinds). Needs an active relationship with the customer; a subscription can be in one open transfer at a time.',
);
transferMutation(
  'transferAccept',
  transferAccept,
  TransferAcceptInput,
  'As the source partner, let a PENDING partner switch go: the kept subscriptions move to the requester now (same subscription, new seller and managing partner), or at their term end (SCHEDULED).',
);
transferMutation('transferReject', transferReject, TransferRejectInput, 'As the source partner, keep the subscriptions of a PENDING partner switch, with a reason.');
transferMutation(
  'transferCancel',
  transferCancel,
  TransferCancelInput,
  'As the requester, withdraw a PENDING or SCHEDULED transfer. Nothing that already moved moves back; a license transition’s source keeps auto-renew off (turn it on with `subscriptionUpdate` if wanted).',
);
