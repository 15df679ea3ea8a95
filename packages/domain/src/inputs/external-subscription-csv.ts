/**
 * Bulk registration of subscriptions bought elsewhere (domain.md §5: "or in bulk from a CSV file").
 * The caller splits the file into records (header → cell text); this parses one record. Customers
 * and offers are named the way a partner's spreadsheet names them (primary domain, SKU); the API
 * resolves them to ids and registers each row with `subscriptionRegisterExternal`'s rules.
 * A refusal's `field` is the column name, so "row 12, term_end: …" can be shown as is.
 */
import { z } from 'zod';

import { EXTERNAL_CHANNELS } from '../channels.js';
import {
  booleanTextSchema,
  dateTextSchema,
  primaryDomainSchema,
  quantitySchema,
} from './fields.js';
import { requiredText } from './schema-helpers.js';
import {
  EXTERNAL_REFERENCE_MAX_LENGTH,
  EXTERNAL_SUBSCRIPTION_STATUSES,
  SERVICE_NAME_MAX_LENGTH,
  SERVICES_MAX_COUNT,
} from './subscription-inputs.js';
import type { SubscriptionRegisterExternalInput } from './subscription-inputs.js';

export const EXTERNAL_SUBSCRIPTION_CSV_COLUMNS = [
  'customer_domain',
  'offer_sku',
  'channel',
  'external_reference',
  'quantity',
  'term_start',
  'term_end',
  'status',
  'auto_renew',
  'services',
] as const;
export type ExternalSubscriptionCsvColumn = (typeof EXTERNAL_SUBSCRIPTION_CSV_COLUMNS)[number];

/** A file to start from: the header and one row of each billing model. */
export const EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE = [
  EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.join(','),
  'adatum.onmicrosoft.com,CFQ7TTC0LF8Q,DIRECT,ORDER-1042,25,2025-01-01,2026-01-01,ACTIVE,yes,',
  'adatum.onmicrosoft.com,AZURE-PLAN,EA,87654321,,2024-07-01,2027-07-01,ACTIVE,no,Virtual Machines;Azure SQL Database',
].join('\n');

/** A cell's text, trimmed; a missing column reads as an empty cell. */
const cellText = z
  .string()
  .optional()
  .transform((value) => (value ?? '').trim());

function optionalCell<T extends z.ZodType<unknown, string>>(schema: T) {
  return cellText.transform((value) => (value === '' ? undefined : value)).pipe(schema.optional());
}

function requiredCell<T extends z.ZodType<unknown, string>>(schema: T, message: string) {
  return cellText.pipe(z.string().min(1, { error: message })).pipe(schema);
}

/** Enum cells: case-insensitive, and "third party" or "third-party" read as THIRD_PARTY. */
function enumCell<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .string()
    .transform((value) => value.toUpperCase().replace(/[\s-]+/g, '_'))
    .pipe(z.enum(values, { error: message }));
}

export const externalSubscriptionCsvRowSchema = z
  .object({
    customer_domain: requiredCell(primaryDomainSchema, "Enter the customer's primary domain."),
    offer_sku: requiredCell(requiredText(100), "Enter the offer's SKU."),
    channel: requiredCell(
      enumCell(EXTERNAL_CHANNELS, `Channel must be one of ${EXTERNAL_CHANNELS.join(', ')}.`),
      'Enter the channel the subscription was bought through.',
    ),
    external_reference: requiredCell(
      requiredText(EXTERNAL_REFERENCE_MAX_LENGTH),
      'Enter the enrollment, agreement or order number.',
    ),
    quantity: optionalCell(
      z
        .string()
        .regex(/^\d+$/, { error: 'Quantity must be a whole number from 1 to 100,000.' })
        .transform(Number)
        .pipe(quantitySchema),
    ),
    term_start: requiredCell(dateTextSchema, 'Enter the term start, e.g. 2025-01-01.'),
    term_end: requiredCell(dateTextSchema, 'Enter the term end, e.g. 2026-01-01.'),
    status: optionalCell(
      enumCell(
        EXTERNAL_SUBSCRIPTION_STATUSES,
        `Status must be one of ${EXTERNAL_SUBSCRIPTION_STATUSES.join(', ')}.`,
      ),
    ).transform((value) => value ?? 'ACTIVE'),
    auto_renew: optionalCell(booleanTextSchema).transform((value) => value ?? false),
    /** Service names separated by semicolons. */
    services: optionalCell(
      z
        .string()
        .transform((value) =>
          value
            .split(';')
            .map((name) => name.trim())
            .filter((name) => name !== ''),
        )
        .pipe(
          z
            .array(z.string().max(SERVICE_NAME_MAX_LENGTH))
            .max(SERVICES_MAX_COUNT)
            .refine(
              (names) => new Set(names.map((name) => name.toLowerCase())).size === names.length,
              {
                error: 'Each service name may appear only once.',
              },
            ),
        ),
    ),
  })
  // zod runs this even when a date cell failed to parse; then that cell's own error is the one to report.
  .refine(
    (row) =>
      !(row.term_end instanceof Date && row.term_start instanceof Date) ||
      row.term_end.getTime() > row.term_start.getTime(),
    {
      error: 'Term end must be after term start.',
      path: ['term_end'],
    },
  );
export type ExternalSubscriptionCsvRow = z.infer<typeof externalSubscriptionCsvRowSchema>;

/**
 * The `subscriptionRegisterExternal` input for a parsed row, once the API has found the customer by
 * its domain and the offer by its SKU. The billing-model checks then run as for a single registration.
 */
export function toSubscriptionRegisterExternalInput(
  row: ExternalSubscriptionCsvRow,
  resolved: { customerId: string; offerId: string },
): SubscriptionRegisterExternalInput {
  return {
    customerId: resolved.customerId,
    offerId: resolved.offerId,
    channel: row.channel,
    externalReference: row.external_reference,
    quantity: row.quantity,
    termStart: row.term_start,
    termEnd: row.term_end,
    status: row.status,
    autoRenew: row.auto_renew,
    services: row.services?.map((name) => ({ name })),
  };
}
