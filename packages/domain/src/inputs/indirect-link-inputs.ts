/** Inputs of the indirect link mutations (domain.md §2, §11). */
import { z } from 'zod';

import { expectedVersionSchema, idSchema, partnerNumberSchema } from './fields.js';
import { optionalText } from './schema-helpers.js';

/**
 * The provider invites a reseller by its partner number: the number is what resellers hand out,
 * and a provider cannot see other partners' ids before they are linked.
 */
export const indirectLinkInviteInputSchema = z.object({
  resellerPartnerNumber: partnerNumberSchema,
  message: optionalText(1000),
});
export type IndirectLinkInviteInput = z.infer<typeof indirectLinkInviteInputSchema>;

export const indirectLinkAcceptInputSchema = z.object({
  indirectLinkId: idSchema,
  expectedVersion: expectedVersionSchema,
});
export type IndirectLinkAcceptInput = z.infer<typeof indirectLinkAcceptInputSchema>;

/** The statuses `indirectLinkUpdate` can move a link to; `ACTIVE` is also how a suspension ends. */
export const INDIRECT_LINK_UPDATE_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;

export const indirectLinkUpdateInputSchema = z.object({
  indirectLinkId: idSchema,
  expectedVersion: expectedVersionSchema,
  status: z.enum(INDIRECT_LINK_UPDATE_STATUSES),
});
export type IndirectLinkUpdateInput = z.infer<typeof indirectLinkUpdateInputSchema>;
