import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { IMPORT_ID, importResult, importRow } from '../fixtures';
import { SubscriptionImportView } from './subscription-import-view';

afterEach(() => {
  vi.useRealTimers();
});

const invalidRow = importRow({
  id: 'row-3',
  rowNumber: 3,
  outcome: 'INVALID',
  errors: [
    {
      __typename: 'UserError',
      code: 'VALIDATION_FAILED',
      message: 'Term end must be after term start.',
      field: ['term_end'],
    },
  ],
} as never);

describe('SubscriptionImportView', () => {
  it('shows the preview: counts, every row, and each invalid row’s error beside its highlighted cell', async () => {
    installFakeApi({
      graphql: { SubscriptionImport: importResult({}, [importRow(), invalidRow]) },
    });
    renderWithSession(<SubscriptionImportView id={IMPORT_ID} />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Import of adatum.csv' }),
    ).toBeTruthy();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary.textContent).toContain('2 rows');
    expect(summary.textContent).toContain('1 valid');
    expect(summary.textContent).toContain('1 invalid');
    const row = screen.getByRole('rowheader', { name: '3' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Invalid')).toBeTruthy();
    expect(within(row).getByText('Term end must be after term start.')).toBeTruthy();
    expect(row.querySelector('.import-cells__cell--error')?.textContent).toContain('term_end');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('starts the import with the version it read, then polls and shows the progress bar', async () => {
    let status = 'PREVIEW';
    const api = installFakeApi({
      graphql: {
        SubscriptionImport: () =>
          status === 'PREVIEW'
            ? importResult()
            : importResult({
                status: 'RUNNING',
                version: 2,
                validRowCount: 200,
                processedRowCount: 50,
                appliedRowCount: 48,
                refusedRowCount: 2,
              }),
        SubscriptionImportStart: () => {
          status = 'RUNNING';
          return {
            data: {
              subscriptionImportStart: {
                __typename: 'SubscriptionImportStartPayload',
                subscriptionImport: {
                  __typename: 'SubscriptionImport',
                  id: IMPORT_ID,
                  status: 'QUEUED',
                  version: 2,
                },
                userErrors: [],
              },
            },
          };
        },
      },
    });
    renderWithSession(<SubscriptionImportView id={IMPORT_ID} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Start the import' }));

    expect(api.requestsFor('SubscriptionImportStart')[0]?.variables).toEqual({
      input: { subscriptionImportId: IMPORT_ID, expectedVersion: 1 },
    });
    // The start's answer (QUEUED, nothing processed yet) may show first; the next poll, a second
    // later, brings the progress.
    await waitFor(
      () => {
        const progress = screen.getByRole('progressbar', { name: 'Import progress' });
        expect(progress.getAttribute('aria-valuenow')).toBe('50');
        expect(progress.getAttribute('aria-valuemax')).toBe('200');
      },
      { timeout: 5000 },
    );
    expect(screen.getByText('50 of 200 valid rows processed')).toBeTruthy();
    const before = api.requestsFor('SubscriptionImport').length;
    await waitFor(
      () => expect(api.requestsFor('SubscriptionImport').length).toBeGreaterThan(before),
      { timeout: 5000 },
    );
  });

  it('shows the result: counts, the rows not registered, and the report to download', async () => {
    const refused = importRow({
      id: 'row-4',
      rowNumber: 4,
      outcome: 'REFUSED',
      errors: [
        {
          __typename: 'UserError',
          code: 'NOT_FOUND',
          message: 'No customer with the primary domain nobody.example.',
          field: ['customer_domain'],
        },
      ],
    } as never);
    const api = installFakeApi({
      graphql: {
        SubscriptionImport: importResult(
          {
            status: 'COMPLETED',
            version: 3,
            processedRowCount: 1,
            appliedRowCount: 0,
            refusedRowCount: 1,
            progress: 1,
            reportCsv: 'row,outcome\r\n4,REFUSED\r\n',
          },
          [invalidRow, refused],
        ),
      },
    });
    renderWithSession(<SubscriptionImportView id={IMPORT_ID} />);

    expect(await screen.findByText('The import is complete.')).toBeTruthy();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary.textContent).toContain('0 registered');
    expect(summary.textContent).toContain('1 refused');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Download the result report (CSV)' })).toBeTruthy(),
    );
    const report = screen.getByRole('link', { name: 'Download the result report (CSV)' });
    expect(report.getAttribute('download')).toBe('adatum-report.csv');
    expect(decodeURIComponent(report.getAttribute('href') ?? '')).toContain('4,REFUSED');
    expect(screen.getByText('No customer with the primary domain nobody.example.')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Rows with errors' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(api.requestsFor('SubscriptionImport').at(-1)?.variables).toMatchObject({
      outcomes: ['INVALID', 'REFUSED'],
      withReport: true,
    });
    expect(screen.queryByRole('button', { name: 'Start the import' })).toBeNull();
  });

  it('explains why a role that only reads cannot start the import', async () => {
    installFakeApi({ graphql: { SubscriptionImport: importResult() } });
    renderWithSession(<SubscriptionImportView id={IMPORT_ID} />, { role: 'BILLING_ADMIN' });
    const start = await screen.findByRole('button', { name: 'Start the import' });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    const reason = document.getElementById(start.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toContain('create and register subscriptions');
  });
});
