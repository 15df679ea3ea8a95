/** Inputs of the relationship mutations (domain.md §6, §11). */
import { z } from 'zod';

import { expectedVersionSchema, idSchema, primaryDomainSchema } from './fields.js';
import { optional, optionalText } from './schema-helpers.js';

export const RELATIONSHIP_MESSAGE_MAX_LENGTH = 1000;
export const INVITATION_TOKEN_MAX_LENGTH = 512;

/**
 * The customer is named by its id (one the partner already sees) or by its primary domain, which
 * the customer's administrator hands out: the only way to reach a customer the partner has never
 * worked with (a partner sees no customer it has no relationship or request with, domain.md §8).
 */
export const relationshipRequestCreateInputSchema = z
  .object({
    customerId: optional(idSchema),
    primaryDomain: optional(primaryDomainSchema),
    /** Ask the customer for delegated administration as well as the reseller relationship. */
    delegatedAdmin: optional(z.boolean()).transform((value) => value ?? false),
    /** An indirect reseller names the indirect provider it sells through. */
    indirectProviderId: optional(idSchema),
    /** Shown to the customer's administrator on the invitation page. */
    message: optionalText(RELATIONSHIP_MESSAGE_MAX_LENGTH),
  })
  .refine((input) => (input.customerId === undefined) !== (input.primaryDomain === undefined), {
    error: 'Name the customer by its ID or by its primary domain, not both.',
    path: ['customerId'],
  });
export type RelationshipRequestCreateInput = z.infer<typeof relationshipRequestCreateInputSchema>;

const invitationTokenSchema = z
  .string()
  .trim()
  .min(1, { error: 'The invitation link is incomplete: open it again from the email.' })
  .max(INVITATION_TOKEN_MAX_LENGTH);

/** The customer's administrator answers with the single-use token from the invitation URL. */
export const relationshipRequestAcceptInputSchema = z.object({
  token: invitationTokenSchema,
});
export type RelationshipRequestAcceptInput = z.infer<typeof relationshipRequestAcceptInputSchema>;

export const relationshipRequestDeclineInputSchema = z.object({
  token: invitationTokenSchema,
  reason: optionalText(RELATIONSHIP_MESSAGE_MAX_LENGTH),
});
export type RelationshipRequestDeclineInput = z.infer<typeof relationshipRequestDeclineInputSchema>;

export const relationshipRequestRevokeInputSchema = z.object({
  requestId: idSchema,
  expectedVersion: expectedVersionSchema,
});
export type RelationshipRequestRevokeInput = z.infer<typeof relationshipRequestRevokeInputSchema>;

export const relationshipTerminateInputSchema = z.object({
  relationshipId: idSchema,
  expectedVersion: expectedVersionSchema,
});
export type RelationshipTerminateInput = z.infer<typeof relationshipTerminateInputSchema>;
