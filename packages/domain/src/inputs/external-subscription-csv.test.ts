import { describe, expect, it } from 'vitest';

import {
  EXTERNAL_SUBSCRIPTION_CSV_COLUMNS,
  EXTERNAL_SUBSCRIPTION_CSV_MAX_LENGTH,
  EXTERNAL_SUBSCRIPTION_CSV_MAX_ROWS,
  EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE,
  externalSubscriptionCsvRowSchema,
  readExternalSubscriptionCsv,
  toSubscriptionRegisterExternalInput,
} from './external-subscription-csv.js';
import { parseInput } from './parse-input.js';
import { subscriptionRegisterExternalInputSchema } from './subscription-inputs.js';

const row = (overrides: Record<string, string | undefined> = {}) => ({
  customer_domain: 'adatum.onmicrosoft.com',
  offer_sku: 'CFQ7TTC0LF8Q',
  channel: 'DIRECT',
  external_reference: 'ORDER-1042',
  quantity: '25',
  term_start: '2025-01-01',
  term_end: '2026-01-01',
  status: '',
  auto_renew: '',
  services: '',
  ...overrides,
});

/** The template's rows as records, the way a CSV reader hands them over. */
function templateRecords(): Record<string, string>[] {
  const [header, ...lines] = EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE.split('\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((cell, index) => [columns[index] ?? '', cell])),
  );
}

describe('externalSubscriptionCsvRowSchema', () => {
  it('parses a row, with status ACTIVE and auto-renew off when left empty', () => {
    expect(parseInput(externalSubscriptionCsvRowSchema, row())).toEqual({
      ok: true,
      value: {
        customer_domain: 'adatum.onmicrosoft.com',
        offer_sku: 'CFQ7TTC0LF8Q',
        channel: 'DIRECT',
        external_reference: 'ORDER-1042',
        quantity: 25,
        term_start: new Date('2025-01-01T00:00:00Z'),
        term_end: new Date('2026-01-01T00:00:00Z'),
        status: 'ACTIVE',
        auto_renew: false,
        services: undefined,
      },
    });
  });

  it.each([
    [
      'reads channels case-insensitively, with spaces or hyphens',
      { channel: 'third party' },
      { channel: 'THIRD_PARTY' },
    ],
    ['reads yes/no for auto-renew', { auto_renew: 'Yes' }, { auto_renew: true }],
    [
      'splits services on semicolons',
      { quantity: '', services: 'Virtual Machines; Azure SQL Database;' },
      { services: ['Virtual Machines', 'Azure SQL Database'] },
    ],
    [
      'treats a missing optional column as empty',
      { status: undefined, auto_renew: undefined, services: undefined },
      { status: 'ACTIVE' },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(parseInput(externalSubscriptionCsvRowSchema, row(overrides))).toMatchObject({
      ok: true,
      value: expected,
    });
  });

  it.each([
    ['refuses a CSP row (CSP subscriptions are sold here)', { channel: 'CSP' }, 'channel'],
    ['refuses an empty customer domain', { customer_domain: '' }, 'customer_domain'],
    ['refuses a missing external reference', { external_reference: ' ' }, 'external_reference'],
    ['refuses a fractional quantity', { quantity: '2.5' }, 'quantity'],
    ['refuses an unreadable date', { term_start: '01/02/2025' }, 'term_start'],
    ['refuses a term end before the start', { term_end: '2024-01-01' }, 'term_end'],
    ['refuses an unknown status', { status: 'PAUSED' }, 'status'],
    ['refuses an auto-renew that is not yes or no', { auto_renew: 'maybe' }, 'auto_renew'],
    ['refuses a service listed twice', { services: 'VMs;vms' }, 'services'],
  ])('%s, naming the column', (_name, overrides, column) => {
    const result = parseInput(externalSubscriptionCsvRowSchema, row(overrides));
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([[column]]);
  });

  it.each([
    ['a missing term start', { term_start: '' }, 'term_start'],
    ['an unreadable term end', { term_end: 'soon' }, 'term_end'],
  ])('refuses %s with a field error instead of throwing', (_case, overrides, field) => {
    const result = parseInput(externalSubscriptionCsvRowSchema, row(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.field?.[0])).toContain(field);
  });

  it('parses every row of its own template', () => {
    expect(EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE.split('\n')[0]).toBe(
      EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.join(','),
    );
    for (const record of templateRecords()) {
      expect(parseInput(externalSubscriptionCsvRowSchema, record).ok).toBe(true);
    }
  });

  it('turns a parsed row into a valid subscriptionRegisterExternal input', () => {
    const parsed = parseInput(
      externalSubscriptionCsvRowSchema,
      row({ quantity: '', services: 'Virtual Machines' }),
    );
    if (!parsed.ok) throw new Error('row should parse');
    const input = toSubscriptionRegisterExternalInput(parsed.value, {
      customerId: 'c1',
      offerId: 'o1',
    });
    expect(input).toMatchObject({
      customerId: 'c1',
      offerId: 'o1',
      channel: 'DIRECT',
      services: [{ name: 'Virtual Machines' }],
    });
    expect(parseInput(subscriptionRegisterExternalInputSchema, input).ok).toBe(true);
  });
});

describe('readExternalSubscriptionCsv', () => {
  const header = EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.join(',');
  const line = (cells: Partial<Record<string, string>> = {}) =>
    EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.map((column) => cells[column] ?? row()[column] ?? '').join(',');

  it('parses each row on its own, naming the column of each error', () => {
    const file = readExternalSubscriptionCsv(
      [header, line(), line({ external_reference: 'ORDER-2', quantity: 'many' }), line({ external_reference: 'ORDER-3', term_start: '' })].join('\n'),
    );
    if (!file.ok) throw new Error('the file should be read');
    expect(file.records.map((record) => [record.rowNumber, record.errors.map((error) => error.field?.[0])])).toEqual([
      [2, []],
      [3, ['quantity']],
      [4, ['term_start']],
    ]);
    expect(file.records[0]?.value).toMatchObject({ external_reference: 'ORDER-1042', quantity: 25 });
    expect(file.records[1]?.value).toBeUndefined();
  });

  it('marks a row that repeats an earlier one, whatever the case', () => {
    const file = readExternalSubscriptionCsv([header, line(), line({ external_reference: 'order-1042' })].join('\n'));
    if (!file.ok) throw new Error('the file should be read');
    expect(file.records[1]?.errors.map((error) => [error.field, error.message])).toEqual([
      [['external_reference'], 'Row 2 already registers this subscription (same customer, offer, channel and reference).'],
    ]);
  });

  it('reads columns in any order, and optional columns may be left out', () => {
    const file = readExternalSubscriptionCsv(
      'term_end,term_start,external_reference,channel,offer_sku,customer_domain\n2026-01-01,2025-01-01,R-1,EA,AZURE-PLAN,adatum.onmicrosoft.com',
    );
    expect(file.ok && file.records[0]?.value).toMatchObject({ channel: 'EA', status: 'ACTIVE', auto_renew: false });
  });

  it('fills an empty customer domain for a one-customer file and refuses another customer', () => {
    const file = readExternalSubscriptionCsv(
      [header, line({ customer_domain: '' }), line({ customer_domain: 'other.example', external_reference: 'R-2' })].join('\n'),
      { customerDomain: 'adatum.onmicrosoft.com' },
    );
    if (!file.ok) throw new Error('the file should be read');
    expect(file.records[0]?.value?.customer_domain).toBe('adatum.onmicrosoft.com');
    expect(file.records[1]?.errors.map((error) => error.field)).toEqual([['customer_domain']]);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a header without rows', header, /no rows/],
    ['a missing required column', 'customer_domain,offer_sku\nx,y', /lacks the columns channel, external_reference, term_start and term_end/],
    ['an unknown column', `${header},colour\n${line()},blue`, /does not have: colour/],
    ['too many rows', [header, ...Array.from({ length: EXTERNAL_SUBSCRIPTION_CSV_MAX_ROWS + 1 }, () => 'x')].join('\n'), /at most 5,000/],
    ['too many characters', `${header}\n${'x'.repeat(EXTERNAL_SUBSCRIPTION_CSV_MAX_LENGTH)}`, /too large/],
  ])('refuses %s as a whole, on the csv field', (_name, text, message) => {
    const file = readExternalSubscriptionCsv(text);
    expect(file.ok).toBe(false);
    if (!file.ok) {
      expect(file.errors.every((error) => error.code === 'VALIDATION_FAILED' && error.field?.[0] === 'csv')).toBe(true);
      expect(file.errors.map((error) => error.message).join(' ')).toMatch(message);
    }
  });
});
