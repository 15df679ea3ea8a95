/**
 * The subscription mutations (domain.md §5, §6, §11): selling (`subscriptionCreate`), registering a
 * subscription bought elsewhere, taking over its management, and changing, suspending,
 * reactivating and cancelling it or one of its Azure services. Resolvers are thin: each hands its
 * input to `runMutation` with the business function in src/services/subscriptions/. Inputs stay
 * loose (ids, strings, numbers): the domain's schemas validate them, so a bad value comes back as
 * a `userErrors` entry, not a top-level error.
 */
import { MUTATION_PERMISSIONS } from '@switchyard/domain';
import type { MutationName } from '@switchyard/domain';
import type { z } from 'zod';
import { builder } from '../../builder.js';
import type { SchemaTypes } from '../../builder.js';
import type { MutationDefinition, PayloadShape } from '../../services/mutation/run-mutation.js';
import { subscriptionCancel } from '../../services/subscriptions/cancel-subscription.js';
import { subscriptionServiceCancel } from '../../services/subscriptions/cancel-subscription-service.js';
import { subscriptionCreate } from '../../services/subscriptions/create-subscription.js';
import { subscriptionManage } from '../../services/subscriptions/manage-subscription.js';
import { subscriptionReactivate } from '../../services/subscriptions/reactivate-subscription.js';
import { subscriptionRegisterExternal } from '../../services/subscriptions/register-external-subscription.js';
import { subscriptionSuspend } from '../../services/subscriptions/suspend-subscription.js';
import { subscriptionUpdate } from '../../services/subscriptions/update-subscription.js';
import { BillingCycleEnum, ChannelEnum, SubscriptionStatusEnum, TermEnum } from '../enums.js';
import { defineMutationField } from '../mutation-field.js';
import { mutationPayload } from '../mutation-payload.js';
import { Subscription, SubscriptionService } from './subscription.js';

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const SubscriptionServiceInput = builder.inputType('SubscriptionServiceInput', {
  description: 'A named Azure service of a usage-based subscription.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'e.g. "Virtual Machines".' }),
  }),
});

const SubscriptionCreateInput = builder.inputType('SubscriptionCreateInput', {
  description: 'A CSP sale by your organisation to a customer it has an active relationship with.',
  fields: (t) => ({
    customerId: t.id({ required: true }),
    offerId: t.id({ required: true, description: 'An offer of your cloud’s catalog.' }),
    quantity: t.int({ description: 'Seats: required for a license-based offer, left out for a usage-based (Azure) one.' }),
    term: t.field({ type: TermEnum, required: true, description: 'One of the offer’s terms.' }),
    billingCycle: t.field({ type: BillingCycleEnum, required: true, description: 'One of the offer’s billing cycles; never longer than the term.' }),
    autoRenew: t.boolean({ description: 'Renew at term end (default true).' }),
    indirectProviderId: t.id({
      description: 'Indirect resellers: the indirect provider to sell through (default: the one named on your relationship with the customer).',
    }),
    services: t.field({ type: [SubscriptionServiceInput], description: 'Usage-based offers only: services to name at once.' }),
  }),
});

const SubscriptionRegisterExternalInput = builder.inputType('SubscriptionRegisterExternalInput', {
  description: 'A subscription the customer bought outside CSP, entered by hand from its paperwork.',
  fields: (t) => ({
    customerId: t.id({ required: true }),
    offerId: t.id({ required: true }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'Where it was bought: any channel but CSP.' }),
    externalReference: t.string({ required: true, description: 'The enrollment or agreement number.' }),
    quantity: t.int({ description: 'Seats: license-based offers only.' }),
    termStart: t.string({ required: true, description: 'A date (2025-03-01) or an instant (2025-03-01T00:00:00Z).' }),
    termEnd: t.string({ required: true, description: 'After the term start.' }),
    status: t.field({ type: SubscriptionStatusEnum, description: 'ACTIVE (default), SUSPENDED, CANCELLED or EXPIRED.' }),
    autoRenew: t.boolean({ description: 'Renews at term end (default false).' }),
    services: t.field({ type: [SubscriptionServiceInput], description: 'Usage-based (Azure) subscriptions: the services running under it.' }),
  }),
});

/** Every change of an existing subscription names it and may say which version it read. */
function subscriptionReferenceFields(t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>, 'InputObject'>) {
  return {
    subscriptionId: t.id({ required: true }),
    expectedVersion: t.int({ description: 'The `version` you last read; refused with STALE_VERSION if it changed since.' }),
  };
}

const SubscriptionManageInput = builder.inputType('SubscriptionManageInput', {
  description: 'Take over the management of a subscription bought through another channel; its seller does not change.',
  fields: (t) => ({ ...subscriptionReferenceFields(t) }),
});

const SubscriptionUpdateInput = builder.inputType('SubscriptionUpdateInput', {
  description: 'Change seats or auto-renew (at least one).',
  fields: (t) => ({
    ...subscriptionReferenceFields(t),
    quantity: t.int({ description: 'New number of seats. Seats can be removed only within the cancellation window.' }),
    autoRenew: t.boolean(),
  }),
});

const SubscriptionSuspendInput = builder.inputType('SubscriptionSuspendInput', {
  description: 'Suspend an active subscription; auto-renew is turned off.',
  fields: (t) => ({ ...subscriptionReferenceFields(t), reason: t.string() }),
});

const SubscriptionReactivateInput = builder.inputType('SubscriptionReactivateInput', {
  description: 'Reactivate a suspended subscription before its term ends.',
  fields: (t) => ({ ...subscriptionReferenceFields(t) }),
});

const SubscriptionCancelInput = builder.inputType('SubscriptionCancelInput', {
  description: 'Cancel a subscription (CSP license-based: only within its cancellation window).',
  fields: (t) => ({ ...subscriptionReferenceFields(t), reason: t.string() }),
});

const SubscriptionServiceCancelInput = builder.inputType('SubscriptionServiceCancelInput', {
  description: 'Cancel one Azure service of a usage-based subscription.',
  fields: (t) => ({ ...subscriptionReferenceFields(t), serviceId: t.id({ required: true }) }),
});

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

const subscriptionField = { type: Subscription, description: 'The subscription as it is now; null when refused.' };

const payloads = {
  subscriptionCreate: mutationPayload('SubscriptionCreate', { description: 'The result of `subscriptionCreate`.', fields: { subscription: subscriptionField } }),
  subscriptionRegisterExternal: mutationPayload('SubscriptionRegisterExternal', {
    description: 'The result of `subscriptionRegisterExternal`.',
    fields: { subscription: subscriptionField },
  }),
  subscriptionManage: mutationPayload('SubscriptionManage', { description: 'The result of `subscriptionManage`.', fields: { subscription: subscriptionField } }),
  subscriptionUpdate: mutationPayload('SubscriptionUpdate', { description: 'The result of `subscriptionUpdate`.', fields: { subscription: subscriptionField } }),
  subscriptionSuspend: mutationPayload('SubscriptionSuspend', { description: 'The result of `subscriptionSuspend`.', fields: { subscription: subscriptionField } }),
  subscriptionReactivate: mutationPayload('SubscriptionReactivate', {
    description: 'The result of `subscriptionReactivate`.',
    fields: { subscription: subscriptionField },
  }),
  subscriptionCancel: mutationPayload('SubscriptionCancel', { description: 'The result of `subscriptionCancel`.', fields: { subscription: subscriptionField } }),
  subscriptionServiceCancel: mutationPayload('SubscriptionServiceCancel', {
    description: 'The result of `subscriptionServiceCancel`.',
    fields: {
      subscription: subscriptionField,
      service: { type: SubscriptionService, description: 'The cancelled service; null when refused.' },
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

type SubscriptionMutationName = keyof typeof payloads & MutationName;

function subscriptionMutation<S extends z.ZodType, P extends PayloadShape<P>>(
  name: SubscriptionMutationName,
  definition: MutationDefinition<S, P>,
  input: ReturnType<typeof builder.inputType>,
  description: string,
) {
  defineMutationField(name, { payload: payloads[name], definition, input, description, permission: MUTATION_PERMISSIONS[name] });
}

subscriptionMutation(
  'subscriptionCreate',
  subscriptionCreate,
  SubscriptionCreateInput,
  'Sell a CSP subscription to a customer your organisation has an active relationship with. Its term starts now; license-based subscriptions can be cancelled, or lose seats, for 7 days.',
);
subscriptionMutation(
  'subscriptionRegisterExternal',
  subscriptionRegisterExternal,
  SubscriptionRegisterExternalInput,
  'Record a subscription the customer bought through another channel (Direct, Advisor, Open, EA, a third party, Syndication). Needs an active relationship; nobody manages it until `subscriptionManage`.',
);
subscriptionMutation(
  'subscriptionManage',
  subscriptionManage,
  SubscriptionManageInput,
  'Take over the management of an active subscription from a multi-channel source (Direct, Advisor, Open, EA, third party). CSP and Syndication subscriptions are refused with CHANNEL_NOT_MANAGEABLE.',
);
subscriptionMutation(
  'subscriptionUpdate',
  subscriptionUpdate,
  SubscriptionUpdateInput,
  'Change the seats or auto-renew of an active subscription you sell (CSP) or manage (other channels).',
);
subscriptionMutation('subscriptionSuspend', subscriptionSuspend, SubscriptionSuspendInput, 'Suspend an active subscription. Auto-renew is turned off.');
subscriptionMutation(
  'subscriptionReactivate',
  subscriptionReactivate,
  SubscriptionReactivateInput,
  'Reactivate a suspended subscription before its term ends. Auto-renew stays off until you turn it on.',
);
subscriptionMutation(
  'subscriptionCancel',
  subscriptionCancel,
  SubscriptionCancelInput,
  'Cancel a subscription. CSP license-based: only within 7 days of its term start or renewal. Usage-based and other channels: at any time. Not while a transfer holds it.',
);
subscriptionMutation(
  'subscriptionServiceCancel',
  subscriptionServiceCancel,
  SubscriptionServiceCancelInput,
  'Cancel one Azure service of a usage-based subscription, at any time; the rest keep running.',
);
