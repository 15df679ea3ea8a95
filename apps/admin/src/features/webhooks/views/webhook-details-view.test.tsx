import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { payload, webhookDelivery, webhookSubscriptionResult } from '../fixtures';
import { WebhookDetailsView } from './webhook-details-view';

const ID = 'V2ViaG9va1N1YnNjcmlwdGlvbjpkZXRhaWxz';

function renderView(result = webhookSubscriptionResult({ id: ID }), extra = {}) {
  const api = installFakeApi({ graphql: { WebhookSubscription: result, ...extra } });
  window.history.replaceState(null, '', `/settings/webhooks/${ID}`);
  renderWithSession(<WebhookDetailsView id={ID} />);
  return api;
}

describe('WebhookDetailsView', () => {
  it('shows the delivery log: event, status, attempts, the last answer and the next retry', async () => {
    const failing = webhookDelivery({
      eventType: 'transfer.completed',
      eventId: 'evt-42',
      status: 'PENDING',
      attempts: 3,
      lastResponseCode: 503,
      lastError: 'Service Unavailable',
      nextAttemptAt: '2026-11-20T10:00:00.000Z',
      deliveredAt: null,
    });
    renderView(webhookSubscriptionResult({ id: ID, url: 'https://erp.example.com/in' }, [failing]));

    const row = (await screen.findByText('transfer.completed')).closest('tr') as HTMLElement;
    const text = row.textContent ?? '';
    expect(text).toContain('Event id evt-42');
    expect(text).toContain('Pending');
    expect(text).toContain('HTTP 503');
    expect(text).toContain('Service Unavailable');
    expect(within(row).getAllByRole('cell')[1]?.textContent).toBe('3');
    expect(screen.getByRole('heading', { name: 'https://erp.example.com/in' })).toBeTruthy();
    expect(screen.getByText('1 delivery')).toBeTruthy();
  });

  it('filters the log by status through the URL', async () => {
    const api = renderView();
    await userEvent.selectOptions(await screen.findByLabelText('Status'), 'FAILED');

    expect(window.location.search).toBe('?status=FAILED');
    await waitFor(() =>
      expect(api.requestsFor('WebhookSubscription').at(-1)?.variables).toMatchObject({
        id: ID,
        status: 'FAILED',
      }),
    );
  });

  it('redelivers a delivery and reloads the log', async () => {
    const delivery = webhookDelivery({
      status: 'FAILED',
      eventType: 'customer.created',
      eventId: 'evt-7',
    });
    const api = renderView(webhookSubscriptionResult({ id: ID }, [delivery]), {
      WebhookDeliveryRedeliver: payload('webhookDeliveryRedeliver', {
        webhookDelivery: {
          __typename: 'WebhookDelivery',
          id: delivery.id,
          status: 'PENDING',
          attempts: 1,
          nextAttemptAt: '2026-11-20T10:00:00.000Z',
        },
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Redeliver customer.created (evt-7)' }),
    );

    expect(api.requestsFor('WebhookDeliveryRedeliver')[0]?.variables).toEqual({
      input: { webhookDeliveryId: delivery.id },
    });
    await waitFor(() => expect(api.requestsFor('WebhookSubscription').length).toBeGreaterThan(1));
  });

  it('disables the endpoint with the version it read', async () => {
    const api = renderView(webhookSubscriptionResult({ id: ID, version: 7 }), {
      WebhookSubscriptionUpdate: payload('webhookSubscriptionUpdate', {
        webhookSubscription: null,
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Disable' }));

    expect(api.requestsFor('WebhookSubscriptionUpdate')[0]?.variables).toEqual({
      input: { webhookSubscriptionId: ID, expectedVersion: 7, isEnabled: false },
    });
  });

  it('edits the event types in a dialog filled with the current values', async () => {
    const api = renderView(
      webhookSubscriptionResult({
        id: ID,
        url: 'https://erp.example.com/in',
        eventTypes: ['transfer.created'],
        version: 2,
      }),
      {
        WebhookSubscriptionUpdate: payload('webhookSubscriptionUpdate', {
          webhookSubscription: null,
        }),
      },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText(/Endpoint URL/)).toHaveProperty(
      'value',
      'https://erp.example.com/in',
    );
    expect(within(dialog).getByLabelText('transfer.created')).toHaveProperty('checked', true);
    await userEvent.click(within(dialog).getByLabelText('transfer.created'));
    await userEvent.click(within(dialog).getByLabelText('transfer.failed'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.requestsFor('WebhookSubscriptionUpdate')[0]?.variables).toEqual({
        input: {
          webhookSubscriptionId: ID,
          expectedVersion: 2,
          url: 'https://erp.example.com/in',
          description: null,
          eventTypes: ['transfer.failed'],
        },
      }),
    );
  });

  it('rotates the secret after confirmation and shows the new one once', async () => {
    const api = renderView(webhookSubscriptionResult({ id: ID, version: 4 }), {
      WebhookSubscriptionUpdate: payload('webhookSubscriptionUpdate', {
        webhookSubscription: {
          __typename: 'WebhookSubscription',
          id: ID,
          url: 'https://hooks.example.com',
          description: null,
          eventTypes: ['transfer.created'],
          isEnabled: true,
          secret: 'whsec_rotated',
          updatedAt: '2026-11-22T09:00:00.000Z',
          version: 5,
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Rotate the secret' }));
    expect(api.requestsFor('WebhookSubscriptionUpdate')).toHaveLength(0);
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Rotate now' }),
    );

    expect(await screen.findByDisplayValue('whsec_rotated')).toBeTruthy();
    expect(api.requestsFor('WebhookSubscriptionUpdate')[0]?.variables).toEqual({
      input: { webhookSubscriptionId: ID, expectedVersion: 4, rotateSecret: true },
    });
  });

  it('deletes the endpoint only after confirmation, then returns to the list', async () => {
    const api = renderView(
      webhookSubscriptionResult({ id: ID, url: 'https://erp.example.com/in', version: 3 }),
      {
        WebhookSubscriptionDelete: payload('webhookSubscriptionDelete', {
          deletedWebhookSubscriptionId: ID,
        }),
      },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this endpoint?' });
    expect(dialog.textContent).toContain('https://erp.example.com/in will receive nothing more');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete endpoint' }));

    await waitFor(() => expect(window.location.pathname).toBe('/settings/webhooks'));
    expect(api.requestsFor('WebhookSubscriptionDelete')[0]?.variables).toEqual({
      input: { webhookSubscriptionId: ID, expectedVersion: 3 },
    });
  });

  it('says when the endpoint does not exist', async () => {
    renderView({ data: { node: null } } as never);
    expect(
      await screen.findByText('This webhook endpoint does not exist, or was deleted.'),
    ).toBeTruthy();
  });

  it('tells a role that cannot manage integrations why, without asking for the endpoint', () => {
    const api = installFakeApi({ graphql: {} });
    renderWithSession(<WebhookDetailsView id={ID} />, { role: 'HELPDESK_AGENT' });
    expect(screen.getByText(/does not allow you to/)).toBeTruthy();
    expect(api.graphqlRequests).toHaveLength(0);
  });
});
