import { EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE } from '@switchyard/domain';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { IMPORT_ID } from '../fixtures';
import { SubscriptionImportNewView } from './subscription-import-new-view';

const previewAnswer = {
  data: {
    subscriptionImportPreview: {
      __typename: 'SubscriptionImportPreviewPayload',
      subscriptionImport: { __typename: 'SubscriptionImport', id: IMPORT_ID },
      userErrors: [],
    },
  },
};

const recentAnswer = {
  data: {
    subscriptionImports: {
      __typename: 'QuerySubscriptionImportsConnection',
      nodes: [
        {
          __typename: 'SubscriptionImport',
          id: IMPORT_ID,
          fileName: 'last-week.csv',
          status: 'COMPLETED',
          rowCount: 12,
          createdAt: '2026-11-18T09:00:00.000Z',
        },
      ],
    },
  },
};

describe('SubscriptionImportNewView', () => {
  it('offers the CSV template to download', () => {
    installFakeApi({ graphql: { RecentSubscriptionImports: recentAnswer } });
    renderWithSession(<SubscriptionImportNewView />);
    const template = screen.getByRole('link', { name: 'Download the CSV template' });
    expect(template.getAttribute('download')).toBe('subscriptions-template.csv');
    expect(decodeURIComponent(template.getAttribute('href') ?? '')).toContain(
      EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE,
    );
  });

  it('lists the recent imports, each linking to its page', async () => {
    installFakeApi({ graphql: { RecentSubscriptionImports: recentAnswer } });
    renderWithSession(<SubscriptionImportNewView />);
    const link = await screen.findByRole('link', { name: 'last-week.csv' });
    expect(link.getAttribute('href')).toBe(`/imports/${encodeURIComponent(IMPORT_ID)}`);
    const row = link.closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Completed');
    expect(row.textContent).toContain('12');
  });

  it('refuses a file the API would refuse, before sending anything', async () => {
    const api = installFakeApi({ graphql: { RecentSubscriptionImports: recentAnswer } });
    renderWithSession(<SubscriptionImportNewView />);
    fireEvent.change(screen.getByLabelText('Or paste the CSV text'), {
      target: { value: 'customer_domain,colour\nadatum.onmicrosoft.com,red' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('lacks the columns offer_sku');
    expect(alert.textContent).toContain('does not have: colour');
    expect(api.requestsFor('SubscriptionImportPreview')).toHaveLength(0);
  });

  it('sends a chosen file with its name, then opens the preview', async () => {
    const api = installFakeApi({
      graphql: {
        SubscriptionImportPreview: previewAnswer,
        RecentSubscriptionImports: recentAnswer,
      },
    });
    renderWithSession(<SubscriptionImportNewView />);
    const file = new File([EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE], 'adatum.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('CSV file'), file);
    expect(await screen.findByText('File: adatum.csv')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

    await waitFor(() =>
      expect(window.location.pathname).toBe(`/imports/${encodeURIComponent(IMPORT_ID)}`),
    );
    expect(api.requestsFor('SubscriptionImportPreview')[0]?.variables).toEqual({
      input: { csv: EXTERNAL_SUBSCRIPTION_CSV_TEMPLATE, fileName: 'adatum.csv' },
    });
  });
});
