import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithSession } from '../../../testing/render-with-session';
import { graphQLError, installFakeApi } from '../../../testing/fake-api';
import { customerDetailsResult, customerSubscription } from '../fixtures';
import { CustomerDetailsView } from './customer-details-view';

function renderView(id = 'Q3VzdG9tZXI6MQ==') {
  return renderWithSession(<CustomerDetailsView id={id} />);
}

describe('CustomerDetailsView', () => {
  it('shows the profile and the subscriptions of every channel', async () => {
    const api = installFakeApi({
      graphql: {
        CustomerDetails: customerDetailsResult({}, [
          customerSubscription({
            channel: 'CSP',
            status: 'ACTIVE',
            quantity: 25,
            termEndDate: '2026-06-30',
          }),
          customerSubscription({
            offer: {
              __typename: 'Offer',
              id: 'T2ZmZXI6OTk=',
              name: 'Azure plan',
              billingModel: 'USAGE_BASED',
              unitPrice: null,
              currency: 'USD',
            } as never,
            channel: 'EA',
            status: 'SUSPENDED',
            billingModel: 'USAGE_BASED',
            quantity: null,
            termEndDate: null,
          }),
        ]),
      },
    });
    renderView();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Adatum Corporation' }),
    ).toBeTruthy();
    const profile = screen.getByRole('region', { name: 'Profile' });
    expect(profile.textContent).toContain('adatum.onmicrosoft.com');
    expect(profile.textContent).toContain('Germany');

    const azure = screen
      .getByRole('rowheader', { name: 'Azure plan' })
      .closest('tr') as HTMLElement;
    expect(
      within(azure)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Suspended', '—', '—', '—', '—', '—', '—', '']);
    expect(screen.getByRole('region', { name: 'Enterprise Agreement' })).toBeTruthy();
    const m365 = screen
      .getByRole('rowheader', { name: 'Microsoft 365 E3' })
      .closest('tr') as HTMLElement;
    expect(
      within(m365)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Active', '25', '$900.00', 'Jun 30, 2026', '—', '—', '—', expect.any(String)]);
    expect(screen.getByRole('region', { name: 'CSP' })).toBeTruthy();
    expect(api.requestsFor('CustomerDetails')[0]?.variables).toEqual({
      id: 'Q3VzdG9tZXI6MQ==',
      subscriptionsFirst: 50,
    });
  });

  it('says when only the first subscriptions are shown', async () => {
    installFakeApi({
      graphql: { CustomerDetails: customerDetailsResult({}, [customerSubscription()], 75) },
    });
    renderView();
    expect(await screen.findByText('Showing the first 1 of 75 subscriptions.')).toBeTruthy();
  });

  it('links the CSV export of all the customer’s subscriptions, not only those shown', async () => {
    const result = customerDetailsResult({}, [customerSubscription()], 75);
    installFakeApi({ graphql: { CustomerDetails: result } });
    renderView();
    const link = await screen.findByRole('link', { name: 'Export CSV' });
    expect(link.getAttribute('href')).toBe(
      `/export/subscriptions.csv?customerId=${encodeURIComponent(result.data.customer.id)}`,
    );
  });

  it('offers no export when the customer has no subscriptions to show', async () => {
    installFakeApi({ graphql: { CustomerDetails: customerDetailsResult({}, []) } });
    renderView();
    await screen.findByRole('heading', { level: 1, name: 'Adatum Corporation' });
    expect(screen.queryByRole('link', { name: 'Export CSV' })).toBeNull();
  });

  it('says the customer does not exist when the API has no such customer for this partner', async () => {
    installFakeApi({ graphql: { CustomerDetails: { data: { customer: null } } } });
    renderView();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This customer does not exist',
    );
  });

  it('treats a NOT_FOUND error the same way', async () => {
    installFakeApi({ graphql: { CustomerDetails: graphQLError('NOT_FOUND') } });
    renderView();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This customer does not exist',
    );
  });
});
