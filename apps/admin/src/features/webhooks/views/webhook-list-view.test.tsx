import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { payload, webhookSubscriptionItem, webhookSubscriptionsResult } from '../fixtures';
import { WebhookListView } from './webhook-list-view';

describe('WebhookListView', () => {
  it('lists the organisation’s endpoints with their event types and status, each linking to its delivery log', async () => {
    const billing = webhookSubscriptionItem({
      url: 'https://billing.example.com/hooks',
      description: 'Billing sync',
      eventTypes: ['transfer.created', 'transfer.completed'],
      isEnabled: false,
    });
    installFakeApi({ graphql: { WebhookSubscriptions: webhookSubscriptionsResult([billing]) } });
    renderWithSession(<WebhookListView />);

    const link = await screen.findByRole('link', { name: 'https://billing.example.com/hooks' });
    expect(link.getAttribute('href')).toBe(`/settings/webhooks/${billing.id}`);
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('Billing sync')).toBeTruthy();
    expect(within(row).getByText('2 event types')).toBeTruthy();
    expect(within(row).getByText('Disabled')).toBeTruthy();
    expect(screen.getByText('1 endpoint')).toBeTruthy();
  });

  it('refuses what the domain schema refuses, before sending anything', async () => {
    const api = installFakeApi({
      graphql: { WebhookSubscriptions: webhookSubscriptionsResult([]) },
    });
    renderWithSession(<WebhookListView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add an endpoint' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));

    expect(screen.getByText('Enter the endpoint’s URL (at most 2,000 characters).')).toBeTruthy();
    expect(screen.getByText('Choose at least one event type.')).toBeTruthy();
    expect(api.requestsFor('WebhookSubscriptionCreate')).toHaveLength(0);
  });

  it('creates an endpoint and shows its signing secret once, with a copy button', async () => {
    const api = installFakeApi({
      graphql: {
        WebhookSubscriptions: webhookSubscriptionsResult([]),
        WebhookSubscriptionCreate: payload('webhookSubscriptionCreate', {
          webhookSubscription: {
            __typename: 'WebhookSubscription',
            id: 'V2ViaG9vazox',
            secret: 'whsec_new_secret',
          },
        }),
      },
    });
    renderWithSession(<WebhookListView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add an endpoint' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Endpoint URL/),
      'https://erp.example.com/in',
    );
    await userEvent.type(within(dialog).getByLabelText('Description'), ' ERP ');
    await userEvent.click(within(dialog).getByLabelText('transfer.completed'));
    await userEvent.click(within(dialog).getByLabelText('subscription.suspended'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));

    expect(await within(dialog).findByDisplayValue('whsec_new_secret')).toBeTruthy();
    expect(
      within(dialog).getByText('Copy the signing secret now: it is shown only once.'),
    ).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(
      within(dialog).getByRole('link', { name: 'Open its delivery log' }).getAttribute('href'),
    ).toBe('/settings/webhooks/V2ViaG9vazox');
    expect(api.requestsFor('WebhookSubscriptionCreate')[0]?.variables).toEqual({
      input: {
        url: 'https://erp.example.com/in',
        description: 'ERP',
        eventTypes: ['transfer.completed', 'subscription.suspended'],
      },
    });
  });

  it('shows the API’s refusal under the field it names', async () => {
    installFakeApi({
      graphql: {
        WebhookSubscriptions: webhookSubscriptionsResult([]),
        WebhookSubscriptionCreate: payload(
          'webhookSubscriptionCreate',
          { webhookSubscription: null },
          [
            {
              code: 'VALIDATION_FAILED',
              message: 'The URL must use https://.',
              field: ['input', 'url'],
            },
          ],
        ),
      },
    });
    renderWithSession(<WebhookListView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add an endpoint' }));
    await userEvent.type(screen.getByLabelText(/Endpoint URL/), 'http://erp.example.com/in');
    await userEvent.click(screen.getByLabelText('customer.created'));
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));

    expect(await screen.findByText('The URL must use https://.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByLabelText(/Endpoint URL/).getAttribute('aria-invalid')).toBe('true'),
    );
  });

  it('tells a role that cannot manage integrations why, without asking for the list', () => {
    const api = installFakeApi({ graphql: {} });
    renderWithSession(<WebhookListView />, { role: 'SALES_AGENT' });

    const button = screen.getByRole('button', { name: 'Add an endpoint' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByText(/does not allow you to/)).toBeTruthy();
    expect(api.graphqlRequests).toHaveLength(0);
  });
});
