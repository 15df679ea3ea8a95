import { describe, expect, it } from 'vitest';

import { EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE } from './external-subscription-csv.js';
import { parseInput } from './parse-input.js';
import { subscriptionImportPreviewInputSchema } from './subscription-import-inputs.js';

describe('subscriptionImportPreviewInputSchema', () => {
  it('accepts the template', () => {
    expect(parseInput(subscriptionImportPreviewInputSchema, { csv: EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE, fileName: 'template.csv' }).ok).toBe(true);
  });

  it('refuses an unreadable file on the csv field, with every reason', () => {
    const result = parseInput(subscriptionImportPreviewInputSchema, { csv: 'customer_domain,colour', fileName: 'x.csv' });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([['csv'], ['csv'], ['csv']]);
  });

  it('lets a file for one customer leave out the customer_domain column', () => {
    const csv = 'offer_sku,channel,external_reference,term_start,term_end\nAZURE-PLAN,EA,R-1,2025-01-01,2026-01-01';
    expect(parseInput(subscriptionImportPreviewInputSchema, { csv, fileName: 'x.csv' }).ok).toBe(false);
    expect(parseInput(subscriptionImportPreviewInputSchema, { csv, fileName: 'x.csv', customerId: 'Q3VzdG9tZXI6MQ==' }).ok).toBe(true);
  });
});
