/** What the webhook form says under a field the domain schema refuses. */
import type { MessageKey } from '../../../i18n/locales';
import type { WebhookFormField } from '../components/webhook-subscription-form';

export const WEBHOOK_FORM_MESSAGES: Record<WebhookFormField, MessageKey> = {
  url: 'webhooks.url.invalid',
  description: 'webhooks.description.invalid',
  eventTypes: 'webhooks.eventTypes.invalid',
};
