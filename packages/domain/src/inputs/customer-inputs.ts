/** Inputs of the customer mutations (domain.md §3, §11). */
import { z } from 'zod';

import {
  countryCodeSchema,
  expectedVersionSchema,
  idSchema,
  primaryDomainSchema,
} from './fields.js';
import { optional, requiredText } from './schema-helpers.js';

export const COMPANY_NAME_MAX_LENGTH = 200;

/** The acting partner's cloud is the customer's: the input does not name one. */
export const customerCreateInputSchema = z.object({
  companyName: requiredText(COMPANY_NAME_MAX_LENGTH),
  primaryDomain: primaryDomainSchema,
  country: countryCodeSchema,
  /** An indirect reseller names the indirect provider it sells through to this customer. */
  indirectProviderId: optional(idSchema),
});
export type CustomerCreateInput = z.infer<typeof customerCreateInputSchema>;

/** A tenant's country is fixed when it is created, so only the name and primary domain change. */
export const customerUpdateInputSchema = z
  .object({
    customerId: idSchema,
    expectedVersion: expectedVersionSchema,
    companyName: optional(requiredText(COMPANY_NAME_MAX_LENGTH)),
    primaryDomain: optional(primaryDomainSchema),
  })
  .refine((input) => input.companyName !== undefined || input.primaryDomain !== undefined, {
    error: 'Change the company name or the primary domain.',
  });
export type CustomerUpdateInput = z.infer<typeof customerUpdateInputSchema>;
