/**
 * Field schemas the mutation inputs share: one definition of what a valid quantity, domain, country
 * or email is, so the API and the admin app's forms refuse the same values with the same words.
 */
import { z } from 'zod';

import { isCountryCode } from '../countries.js';
import { optional } from './schema-helpers.js';

export { idSchema } from './schema-helpers.js';

/** Optimistic concurrency: the `version` the client last read; a mismatch is `STALE_VERSION`. */
export const expectedVersionSchema = optional(z.int().min(1));

export const partnerNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{6,7}$/, { error: 'Partner number must be 6 or 7 digits, e.g. 1234567.' });

// Lower-case labels of letters, digits and inner hyphens, at least two of them, a letter-led top level.
const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const primaryDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(HOSTNAME, { error: 'Primary domain must be a domain name like adatum.onmicrosoft.com.' });

export const countryCodeSchema = z.string().trim().toUpperCase().refine(isCountryCode, {
  error: 'Country must be a two-letter ISO 3166 code, e.g. US, GB or DE.',
});

const QUANTITY_MESSAGE = 'Quantity must be a whole number from 1 to 100,000.';
export const QUANTITY_MAX = 100_000;
export const quantitySchema = z
  .int({ error: QUANTITY_MESSAGE })
  .min(1, { error: QUANTITY_MESSAGE })
  .max(QUANTITY_MAX, { error: QUANTITY_MESSAGE });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }));

const DATE_MESSAGE = 'Enter a date like 2025-03-01.';

/** A calendar date or a date-time as text: `2025-03-01` or `2025-03-01T09:00:00Z` (CSV cells, JSON). */
export const dateTextSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: DATE_MESSAGE })
  .transform((value) => new Date(value))
  .refine((value) => !Number.isNaN(value.getTime()), { error: DATE_MESSAGE });

/** A date as a `Date` (a GraphQL scalar already parsed it) or as text. */
export const dateSchema = z.union([z.date({ error: DATE_MESSAGE }), dateTextSchema], {
  error: DATE_MESSAGE,
});

/** Checkboxes and CSV cells: `true/false`, `yes/no`, `1/0`, case-insensitive. */
export const booleanTextSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['true', 'false', 'yes', 'no', '1', '0'].includes(value), {
    error: 'Enter yes or no.',
  })
  .transform((value) => value === 'true' || value === 'yes' || value === '1');
