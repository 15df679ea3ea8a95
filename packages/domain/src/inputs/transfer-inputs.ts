/**
 * Inputs of the transfer mutations (domain.md §7, §11). `transferCreate` takes one shape per kind;
 * a field that belongs to another kind is refused rather than silently ignored.
 */
import { z } from 'zod';

import { BILLING_CYCLES, TERMS } from '../offers.js';
import { CANCEL_SOURCE, TRANSFER_EFFECTIVE } from '../transfers.js';
import { expectedVersionSchema, idSchema } from './fields.js';
import { idListSchema, optional, optionalText, requiredText } from './schema-helpers.js';
import { REASON_MAX_LENGTH, SERVICES_MAX_COUNT } from './subscription-inputs.js';

/** The most subscriptions one transfer moves. */
export const TRANSFER_LINE_ITEMS_MAX_COUNT = 100;

/** Accepts only "left out": for fields of the other transfer kinds. */
function onlyFor(kinds: string) {
  return z
    .null({ error: `Only for ${kinds}.` })
    .optional()
    .transform(() => undefined);
}

const partnerSwitchInputSchema = z.object({
  kind: z.literal('PARTNER_SWITCH'),
  customerId: idSchema,
  subscriptionIds: idListSchema(TRANSFER_LINE_ITEMS_MAX_COUNT),
  /** License-based subscriptions under `TERM_END_ONLY` move only `AT_TERM_END`. */
  effective: optional(z.enum(TRANSFER_EFFECTIVE)).transform((value) => value ?? 'IMMEDIATELY'),
  /** An indirect reseller taking subscriptions over names the provider to bill through. */
  indirectProviderId: optional(idSchema),
  newSubscription: onlyFor('usage migrations'),
  serviceIds: onlyFor('usage migrations'),
  cancelSource: onlyFor('usage migrations'),
});

/** The CSP subscription a usage migration creates: prefilled from the source, editable. */
export const usageMigrationNewSubscriptionInputSchema = z.object({
  offerId: idSchema,
  term: z.enum(TERMS),
  billingCycle: z.enum(BILLING_CYCLES),
  autoRenew: optional(z.boolean()).transform((value) => value ?? true),
  indirectProviderId: optional(idSchema),
});
export type UsageMigrationNewSubscriptionInput = z.infer<
  typeof usageMigrationNewSubscriptionInputSchema
>;

const usageMigrationInputSchema = z.object({
  kind: z.literal('USAGE_MIGRATION'),
  customerId: idSchema,
  subscriptionIds: z
    .array(idSchema)
    .length(1, { error: 'A usage migration moves one subscription at a time.' }),
  effective: optional(
    z.literal('IMMEDIATELY', { error: 'A usage migration takes effect at once.' }),
  ).transform((value) => value ?? 'IMMEDIATELY'),
  newSubscription: usageMigrationNewSubscriptionInputSchema,
  /** The services to move; some or all of the source's active ones. */
  serviceIds: idListSchema(SERVICES_MAX_COUNT),
  /** `SERVICES`: cancel only the moved services on the source; `ENTIRE`: cancel the source too. */
  cancelSource: z.enum(CANCEL_SOURCE),
  indirectProviderId: onlyFor(
    'partner switches and license transitions (a usage migration names it in newSubscription)',
  ),
});

const licenseTransitionInputSchema = z.object({
  kind: z.literal('LICENSE_TRANSITION'),
  customerId: idSchema,
  subscriptionIds: idListSchema(TRANSFER_LINE_ITEMS_MAX_COUNT),
  effective: optional(
    z.literal('AT_TERM_END', {
      error: "A license transition always takes effect at the end of the source's term.",
    }),
  ).transform((value) => value ?? 'AT_TERM_END'),
  indirectProviderId: optional(idSchema),
  newSubscription: onlyFor('usage migrations'),
  serviceIds: onlyFor('usage migrations'),
  cancelSource: onlyFor('usage migrations'),
});

export const transferCreateInputSchema = z.discriminatedUnion(
  'kind',
  [partnerSwitchInputSchema, usageMigrationInputSchema, licenseTransitionInputSchema],
  { error: 'Kind must be PARTNER_SWITCH, USAGE_MIGRATION or LICENSE_TRANSITION.' },
);
export type TransferCreateInput = z.infer<typeof transferCreateInputSchema>;
export type PartnerSwitchInput = Extract<TransferCreateInput, { kind: 'PARTNER_SWITCH' }>;
export type UsageMigrationInput = Extract<TransferCreateInput, { kind: 'USAGE_MIGRATION' }>;
export type LicenseTransitionInput = Extract<TransferCreateInput, { kind: 'LICENSE_TRANSITION' }>;

const transferReference = {
  transferId: idSchema,
  expectedVersion: expectedVersionSchema,
};

/** The source partner accepts; leaving `lineItemIds` out keeps every line item. */
export const transferAcceptInputSchema = z.object({
  ...transferReference,
  lineItemIds: optional(idListSchema(TRANSFER_LINE_ITEMS_MAX_COUNT)),
});
export type TransferAcceptInput = z.infer<typeof transferAcceptInputSchema>;

export const transferRejectInputSchema = z.object({
  ...transferReference,
  /** Shown to the requester, so it can tell the customer why. */
  reason: requiredText(REASON_MAX_LENGTH),
});
export type TransferRejectInput = z.infer<typeof transferRejectInputSchema>;

export const transferCancelInputSchema = z.object({
  ...transferReference,
  reason: optionalText(REASON_MAX_LENGTH),
});
export type TransferCancelInput = z.infer<typeof transferCancelInputSchema>;
