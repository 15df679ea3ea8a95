/** Inputs of the subscription mutations (domain.md §5, §11). */
import { z } from 'zod';

import { EXTERNAL_CHANNELS } from '../channels.js';
import { BILLING_CYCLES, TERMS } from '../offers.js';
import type { SubscriptionStatus } from '../subscriptions.js';
import { dateSchema, expectedVersionSchema, idSchema, quantitySchema } from './fields.js';
import { optional, optionalText, requiredText } from './schema-helpers.js';

export const EXTERNAL_REFERENCE_MAX_LENGTH = 100;
export const SERVICE_NAME_MAX_LENGTH = 200;
export const SERVICES_MAX_COUNT = 100;
export const REASON_MAX_LENGTH = 1000;

export const externalServiceInputSchema = z.object({
  name: requiredText(SERVICE_NAME_MAX_LENGTH),
});

/** The named Azure services of a usage-based subscription: each name once. */
const servicesInputSchema = z
  .array(externalServiceInputSchema)
  .max(SERVICES_MAX_COUNT)
  .refine(
    (services) =>
      new Set(services.map((service) => service.name.toLowerCase())).size === services.length,
    {
      error: 'Each service name may appear only once.',
    },
  );

export const subscriptionCreateInputSchema = z.object({
  customerId: idSchema,
  offerId: idSchema,
  /** Seats; required for license-based offers, left out for usage-based ones (checked against the offer). */
  quantity: optional(quantitySchema),
  term: z.enum(TERMS),
  billingCycle: z.enum(BILLING_CYCLES),
  autoRenew: optional(z.boolean()).transform((value) => value ?? true),
  /** When the seller is an indirect reseller: the provider to sell through (else the one on its relationship). */
  indirectProviderId: optional(idSchema),
  /** Usage-based (Azure) offers only, and optional: the services to name at once. */
  services: optional(servicesInputSchema),
});
export type SubscriptionCreateInput = z.infer<typeof subscriptionCreateInputSchema>;

/** Statuses a subscription bought elsewhere can be registered in (it is already running, or over). */
export const EXTERNAL_SUBSCRIPTION_STATUSES = [
  'ACTIVE',
  'SUSPENDED',
  'CANCELLED',
  'EXPIRED',
] as const satisfies readonly SubscriptionStatus[];

export const subscriptionRegisterExternalInputSchema = z
  .object({
    customerId: idSchema,
    offerId: idSchema,
    channel: z.enum(EXTERNAL_CHANNELS, {
      error: `Channel must be one of ${EXTERNAL_CHANNELS.join(', ')}: CSP subscriptions are sold here, not registered.`,
    }),
    /** The enrollment or agreement number, as the customer's paperwork shows it. */
    externalReference: requiredText(EXTERNAL_REFERENCE_MAX_LENGTH),
    quantity: optional(quantitySchema),
    termStart: dateSchema,
    termEnd: dateSchema,
    status: optional(z.enum(EXTERNAL_SUBSCRIPTION_STATUSES)).transform(
      (value) => value ?? 'ACTIVE',
    ),
    autoRenew: optional(z.boolean()).transform((value) => value ?? false),
    /** Usage-based (Azure) subscriptions: the named services running under it. */
    services: optional(servicesInputSchema),
  })
  .refine((input) => input.termEnd.getTime() > input.termStart.getTime(), {
    error: 'Term end must be after term start.',
    path: ['termEnd'],
  });
export type SubscriptionRegisterExternalInput = z.infer<
  typeof subscriptionRegisterExternalInputSchema
>;

const subscriptionReference = {
  subscriptionId: idSchema,
  expectedVersion: expectedVersionSchema,
};

/** Take over the management of a subscription from another channel; the seller does not change. */
export const subscriptionManageInputSchema = z.object(subscriptionReference);
export type SubscriptionManageInput = z.infer<typeof subscriptionManageInputSchema>;

export const subscriptionUpdateInputSchema = z
  .object({
    ...subscriptionReference,
    quantity: optional(quantitySchema),
    autoRenew: optional(z.boolean()),
  })
  .refine((input) => input.quantity !== undefined || input.autoRenew !== undefined, {
    error: 'Change the quantity or auto-renew.',
  });
export type SubscriptionUpdateInput = z.infer<typeof subscriptionUpdateInputSchema>;

export const subscriptionSuspendInputSchema = z.object({
  ...subscriptionReference,
  reason: optionalText(REASON_MAX_LENGTH),
});
export type SubscriptionSuspendInput = z.infer<typeof subscriptionSuspendInputSchema>;

export const subscriptionReactivateInputSchema = z.object(subscriptionReference);
export type SubscriptionReactivateInput = z.infer<typeof subscriptionReactivateInputSchema>;

export const subscriptionCancelInputSchema = z.object({
  ...subscriptionReference,
  reason: optionalText(REASON_MAX_LENGTH),
});
export type SubscriptionCancelInput = z.infer<typeof subscriptionCancelInputSchema>;

/** Cancel one Azure service of a usage-based subscription; the rest keep running. */
export const subscriptionServiceCancelInputSchema = z.object({
  ...subscriptionReference,
  serviceId: idSchema,
});
export type SubscriptionServiceCancelInput = z.infer<typeof subscriptionServiceCancelInputSchema>;
