/**
 * The webhook mutations: create, update and delete a subscription, and redeliver a delivery — for
 * the roles that manage API keys. Thin: each hands its input to `runMutation` with the business
 * function in src/services/webhooks/.
 */
import type { z } from 'zod';
import { builder } from '../../builder.js';
import { defineMutationField } from '../mutation-field.js';
import type { MutationDefinition, PayloadShape } from '../../services/mutation/run-mutation.js';
import { webhookSubscriptionCreate } from '../../services/webhooks/create-webhook-subscription.js';
import { webhookSubscriptionDelete } from '../../services/webhooks/delete-webhook-subscription.js';
import { webhookDeliveryRedeliver } from '../../services/webhooks/redeliver-webhook-delivery.js';
import { webhookSubscriptionUpdate } from '../../services/webhooks/update-webhook-subscription.js';
import { encodeGlobalId } from '../global-id.js';
import { mutationPayload } from '../mutation-payload.js';
import { UserErrorType } from '../user-error.js';
import type { MutationPayload } from '../../services/mutation/run-mutation.js';
import { WEBHOOKS_PERMISSION } from './visibility.js';
import { WebhookDelivery, WebhookSubscription } from './webhook-subscription.js';

const WebhookSubscriptionCreateInput = builder.inputType('WebhookSubscriptionCreateInput', {
  description: 'Where to send events and which. The URL must be https:// (http:// only to localhost outside production).',
  fields: (t) => ({
    url: t.string({ required: true }),
    description: t.string(),
    eventTypes: t.stringList({ required: true, description: 'Event types such as `transfer.created`; at least one.' }),
  }),
});

const WebhookSubscriptionUpdateInput = builder.inputType('WebhookSubscriptionUpdateInput', {
  description: 'Change a webhook subscription; fields left out stay as they are.',
  fields: (t) => ({
    webhookSubscriptionId: t.id({ required: true }),
    expectedVersion: t.int({ description: 'The `version` you last read; refused with STALE_VERSION if it changed since.' }),
    url: t.string(),
    description: t.string(),
    eventTypes: t.stringList(),
    isEnabled: t.boolean({ description: 'false: nothing is sent until it is enabled again (pending deliveries wait).' }),
    rotateSecret: t.boolean({ description: 'true: a new secret replaces the old one at once; the payload shows it once.' }),
  }),
});

const WebhookSubscriptionDeleteInput = builder.inputType('WebhookSubscriptionDeleteInput', {
  fields: (t) => ({
    webhookSubscriptionId: t.id({ required: true }),
    expectedVersion: t.int(),
  }),
});

const WebhookDeliveryRedeliverInput = builder.inputType('WebhookDeliveryRedeliverInput', {
  fields: (t) => ({ webhookDeliveryId: t.id({ required: true }) }),
});

const subscriptionField = { type: WebhookSubscription, description: 'The webhook subscription as it is now; null when refused.' };

const payloads = {
  webhookSubscriptionCreate: mutationPayload('WebhookSubscriptionCreate', {
    description: 'The result of `webhookSubscriptionCreate`: the subscription, with its secret shown this once.',
    fields: { webhookSubscription: subscriptionField },
  }),
  webhookSubscriptionUpdate: mutationPayload('WebhookSubscriptionUpdate', {
    description: 'The result of `webhookSubscriptionUpdate` (with the new secret if it was rotated).',
    fields: { webhookSubscription: subscriptionField },
  }),
  webhookDeliveryRedeliver: mutationPayload('WebhookDeliveryRedeliver', {
    description: 'The result of `webhookDeliveryRedeliver`.',
    fields: { webhookDelivery: { type: WebhookDelivery, description: 'The delivery, due now; null when refused.' } },
  }),
};

type DeletePayload = MutationPayload<{ deletedWebhookSubscription: { id: string } }>;
const WebhookSubscriptionDeletePayload = builder.objectRef<DeletePayload>('WebhookSubscriptionDeletePayload').implement({
  description: 'The result of `webhookSubscriptionDelete`.',
  fields: (t) => ({
    deletedWebhookSubscriptionId: t.id({
      nullable: true,
      description: 'The id of the deleted subscription; null when refused.',
      resolve: (payload) => (payload.deletedWebhookSubscription ? encodeGlobalId('WebhookSubscription', payload.deletedWebhookSubscription.id) : null),
    }),
    userErrors: t.field({ type: [UserErrorType], resolve: (payload) => payload.userErrors }),
  }),
});

function webhookMutation<S extends z.ZodType, P extends PayloadShape<P>>(
  name: string,
  type: (typeof payloads)[keyof typeof payloads] | typeof WebhookSubscriptionDeletePayload,
  definition: MutationDefinition<S, P>,
  input: ReturnType<typeof builder.inputType>,
  description: string,
) {
  defineMutationField(name, { payload: type, definition, input, description, permission: WEBHOOKS_PERMISSION });
}

webhookMutation(
  'webhookSubscriptionCreate',
  payloads.webhookSubscriptionCreate,
  webhookSubscriptionCreate,
  WebhookSubscriptionCreateInput,
  'Subscribe an endpoint to event types. Deliveries are POSTed as JSON and signed: `Switchyard-Signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">`. The payload’s `webhookSubscription.secret` is shown this once.',
);
webhookMutation('webhookSubscriptionUpdate', payloads.webhookSubscriptionUpdate, webhookSubscriptionUpdate, WebhookSubscriptionUpdateInput, 'Change a webhook subscription, or rotate its secret.');
webhookMutation('webhookSubscriptionDelete', WebhookSubscriptionDeletePayload, webhookSubscriptionDelete, WebhookSubscriptionDeleteInput, 'Delete a webhook subscription and its delivery log.');
webhookMutation('webhookDeliveryRedeliver', payloads.webhookDeliveryRedeliver, webhookDeliveryRedeliver, WebhookDeliveryRedeliverInput, 'Send a delivery again now, with a fresh 24-hour retry window.');
