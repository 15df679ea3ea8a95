/**
 * Inputs of the webhook mutations: their shape, shared by the API and the admin app's forms. The URL
 * rule depends on the deployment (https only in production), so the API checks it when the
 * mutation runs (apps/api/src/services/webhooks/webhook-url.ts), not here.
 */
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../webhooks.js';
import { expectedVersionSchema, idSchema } from './fields.js';

export const WEBHOOK_URL_MAX_LENGTH = 2_000;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;

const urlSchema = z.string().trim().min(1).max(WEBHOOK_URL_MAX_LENGTH);
const descriptionSchema = z
  .string()
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX_LENGTH)
  .nullish()
  .transform((value) => (value ? value : undefined));
const eventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, { error: 'Choose at least one event type.' })
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

export const webhookSubscriptionCreateInputSchema = z.object({
  url: urlSchema,
  description: descriptionSchema,
  eventTypes: eventTypesSchema,
});

export const webhookSubscriptionUpdateInputSchema = z
  .object({
    webhookSubscriptionId: idSchema,
    expectedVersion: expectedVersionSchema,
    url: nullish(urlSchema),
    description: descriptionSchema,
    eventTypes: nullish(eventTypesSchema),
    isEnabled: nullish(z.boolean()),
    rotateSecret: nullish(z.boolean()),
  });

export const webhookSubscriptionDeleteInputSchema = z.object({
  webhookSubscriptionId: idSchema,
  expectedVersion: expectedVersionSchema,
});

export const webhookDeliveryRedeliverInputSchema = z.object({
  webhookDeliveryId: idSchema,
});
