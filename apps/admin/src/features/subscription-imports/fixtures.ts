/** Answers of the fake API for the bulk import feature's tests. */
import type { SubscriptionImportData, SubscriptionImportRowData } from './queries';

export const IMPORT_ID = 'U3Vic2NyaXB0aW9uSW1wb3J0OjE=';

export function importRow(
  overrides: Partial<SubscriptionImportRowData> = {},
): SubscriptionImportRowData {
  return {
    __typename: 'SubscriptionImportRow',
    id: `row-${overrides.rowNumber ?? 2}`,
    rowNumber: 2,
    outcome: 'PENDING',
    cells: [
      {
        __typename: 'SubscriptionImportCell',
        column: 'customer_domain',
        value: 'adatum.onmicrosoft.com',
      },
      { __typename: 'SubscriptionImportCell', column: 'offer_sku', value: 'CFQ7TTC0LF8Q' },
      { __typename: 'SubscriptionImportCell', column: 'term_end', value: '2026-01-01' },
    ],
    errors: [],
    subscription: null,
    ...overrides,
  } as SubscriptionImportRowData;
}

export function importResult(
  overrides: Record<string, unknown> = {},
  rows: SubscriptionImportRowData[] = [importRow()],
) {
  return {
    data: {
      node: {
        __typename: 'SubscriptionImport',
        id: IMPORT_ID,
        fileName: 'adatum.csv',
        status: 'PREVIEW',
        version: 1,
        rowCount: 2,
        validRowCount: 1,
        invalidRowCount: 1,
        processedRowCount: 0,
        appliedRowCount: 0,
        refusedRowCount: 0,
        progress: 0,
        createdAt: '2026-11-25T09:00:00.000Z',
        finishedAt: null,
        customer: null,
        reportCsv: null,
        rows: {
          __typename: 'SubscriptionImportRowsConnection',
          totalCount: rows.length,
          nodes: rows,
        },
        ...overrides,
      } as unknown as SubscriptionImportData,
    },
  };
}
