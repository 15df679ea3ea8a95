/**
 * Inputs of the webhook mutations. They live beside the API rather than in packages/domain because
 * the URL rule depends on the deployment (production or not): the shape is checked here, the URL
 * policy by `webhookUrlProblem` when the mutation runs.
 */
import { expectedVersionSchema, idSchema } from '@switchyard/domain';
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types.js';

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
