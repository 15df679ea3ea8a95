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
import type { UserError } from '../errors.js';
import { readCsvTable } from './csv-file.js';
import { parseInput } from './parse-input.js';

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

/** A file's limits: the size of a customer with hundreds of subscriptions, with room to spare. */
export const EXTERNAL_SUBSCRIPTION_CSV_MAX_ROWS = 5000;
/** Characters: the file travels inside a GraphQL request, whose body may be at most 1 MB. */
export const EXTERNAL_SUBSCRIPTION_CSV_MAX_LENGTH = 900_000;

const REQUIRED_COLUMNS: readonly ExternalSubscriptionCsvColumn[] = [
  'customer_domain',
  'offer_sku',
  'channel',
  'external_reference',
  'term_start',
  'term_end',
];

/** One data row of a file: its cells by column, and either the parsed row or why it is invalid. */
export interface ExternalSubscriptionCsvRecord {
  rowNumber: number;
  cells: Record<ExternalSubscriptionCsvColumn, string>;
  /** Empty when the row is valid. Each error's `field` is `[column]`. */
  errors: UserError[];
  value: ExternalSubscriptionCsvRow | undefined;
}

export type ExternalSubscriptionCsvFile =
  | { ok: true; records: ExternalSubscriptionCsvRecord[] }
  | { ok: false; errors: UserError[] };

function fileError(message: string): UserError {
  return { code: 'VALIDATION_FAILED', message, field: ['csv'] };
}

/** "a, b and c" */
function columnList(columns: readonly string[]): string {
  return columns.length < 2
    ? columns.join('')
    : `${columns.slice(0, -1).join(', ')} and ${columns[columns.length - 1]}`;
}

/**
 * What makes a whole file unreadable: empty, too large, too many rows, or a header that lacks a
 * required column or names one this format does not have (field `csv`). `isForOneCustomer`: the
 * `customer_domain` column may be left out.
 */
export function externalSubscriptionCsvFileErrors(
  text: string,
  { isForOneCustomer = false }: { isForOneCustomer?: boolean } = {},
): UserError[] {
  if (text.length > EXTERNAL_SUBSCRIPTION_CSV_MAX_LENGTH) {
    return [
      fileError(
        `The file is too large: at most ${EXTERNAL_SUBSCRIPTION_CSV_MAX_LENGTH.toLocaleString('en')} characters. Split it into several files.`,
      ),
    ];
  }
  const table = readCsvTable(text);
  if (table.header.length === 0) {
    return [fileError('The file is empty: start from the template, whose first line names the columns.')];
  }
  const known = new Set<string>(EXTERNAL_SUBSCRIPTION_CSV_COLUMNS);
  const unknown = table.header.filter((name) => !known.has(name));
  const missing = REQUIRED_COLUMNS.filter(
    (column) => !table.header.includes(column) && !(column === 'customer_domain' && isForOneCustomer),
  );
  const errors: UserError[] = [];
  if (missing.length > 0) errors.push(fileError(`The header lacks the column${missing.length > 1 ? 's' : ''} ${columnList(missing)}.`));
  if (unknown.length > 0) {
    errors.push(
      fileError(
        `The header names ${unknown.length > 1 ? 'columns' : 'a column'} this format does not have: ${columnList(unknown.map((name) => name || '(empty)'))}. The columns are ${columnList(EXTERNAL_SUBSCRIPTION_CSV_COLUMNS)}.`,
      ),
    );
  }
  if (table.records.length === 0) errors.push(fileError('The file has a header but no rows.'));
  if (table.records.length > EXTERNAL_SUBSCRIPTION_CSV_MAX_ROWS) {
    errors.push(
      fileError(
        `The file has ${table.records.length.toLocaleString('en')} rows; at most ${EXTERNAL_SUBSCRIPTION_CSV_MAX_ROWS.toLocaleString('en')} are imported at once. Split it into several files.`,
      ),
    );
  }
  return errors;
}

/**
 * Reads a whole file: refuses it (`ok: false`, field `csv`) when it is empty, too large, or its
 * header lacks a required column or names one this format does not have; otherwise parses every
 * row, and marks a row that repeats an earlier one (same customer, offer, channel and reference).
 * `customerDomain`: the file is for this one customer — an empty `customer_domain` cell means it,
 * and a row naming another customer is invalid.
 */
export function readExternalSubscriptionCsv(
  text: string,
  { customerDomain }: { customerDomain?: string } = {},
): ExternalSubscriptionCsvFile {
  const errors = externalSubscriptionCsvFileErrors(text, { isForOneCustomer: Boolean(customerDomain) });
  if (errors.length > 0) return { ok: false, errors };
  const table = readCsvTable(text);
  const firstRowOf = new Map<string, number>();
  const records = table.records.map(({ rowNumber, cells: values }) => {
    const cells = Object.fromEntries(
      EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.map((column) => {
        const index = table.header.indexOf(column);
        return [column, index < 0 ? '' : (values[index] ?? '')];
      }),
    ) as Record<ExternalSubscriptionCsvColumn, string>;
    if (customerDomain && cells.customer_domain.trim() === '') cells.customer_domain = customerDomain;
    const parsed = parseInput(externalSubscriptionCsvRowSchema, cells);
    const rowErrors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok && customerDomain && parsed.value.customer_domain !== customerDomain.toLowerCase()) {
      rowErrors.push({
        code: 'VALIDATION_FAILED',
        message: `This import is for ${customerDomain}: leave the customer domain empty or write that one.`,
        field: ['customer_domain'],
      });
    }
    if (parsed.ok) {
      const { customer_domain, offer_sku, channel, external_reference } = parsed.value;
      const key = [customer_domain, offer_sku, channel, external_reference].join('\u0000').toLowerCase();
      const firstRow = firstRowOf.get(key);
      if (firstRow === undefined) firstRowOf.set(key, rowNumber);
      else {
        rowErrors.push({
          code: 'VALIDATION_FAILED',
          message: `Row ${firstRow} already registers this subscription (same customer, offer, channel and reference).`,
          field: ['external_reference'],
        });
      }
    }
    return {
      rowNumber,
      cells,
      errors: rowErrors,
      value: parsed.ok && rowErrors.length === 0 ? parsed.value : undefined,
    };
  });
  return { ok: true, records };
}
