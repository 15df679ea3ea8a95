import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '../../../testing/fake-api';
import { renderWithSession } from '../../../testing/render-with-session';
import { CustomerCreateView } from './customer-create-view';

async function fillIn(values: { companyName?: string; primaryDomain?: string; country?: string }) {
  if (values.companyName)
    await userEvent.type(screen.getByLabelText(/Company name/), values.companyName);
  if (values.primaryDomain)
    await userEvent.type(screen.getByLabelText(/Primary domain/), values.primaryDomain);
  if (values.country)
    await userEvent.selectOptions(screen.getByLabelText(/Country/), values.country);
}

describe('CustomerCreateView', () => {
  it('refuses what the domain schema refuses, before sending anything', async () => {
    const api = installFakeApi({ graphql: {} });
    renderWithSession(<CustomerCreateView />);
    await fillIn({ companyName: 'Adatum', primaryDomain: 'not a domain' });
    await userEvent.click(screen.getByRole('button', { name: 'Create customer' }));

    expect(screen.getByLabelText(/Primary domain/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a domain name like adatum.onmicrosoft.com.')).toBeTruthy();
    expect(screen.getByText('Choose the customer’s country.')).toBeTruthy();
    expect(api.graphqlRequests).toHaveLength(0);
  });

  it('sends the parsed input and maps the API’s userErrors onto the fields, keeping what was typed', async () => {
    const api = installFakeApi({
      graphql: {
        CustomerCreate: {
          data: {
            customerCreate: {
              __typename: 'CustomerCreatePayload',
              customer: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  code: 'VALIDATION_FAILED',
                  message: 'Another customer of this cloud already uses adatum.onmicrosoft.com.',
                  field: ['input', 'primaryDomain'],
                },
                {
                  __typename: 'UserError',
                  code: 'MARKET_NOT_SUPPORTED',
                  message: 'Not in your markets.',
                  field: null,
                },
              ],
            },
          },
        },
      },
    });
    renderWithSession(<CustomerCreateView />);
    await fillIn({
      companyName: ' Adatum Corporation ',
      primaryDomain: 'Adatum.onmicrosoft.com',
      country: 'DE',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Create customer' }));

    expect(
      await screen.findByText(
        'Another customer of this cloud already uses adatum.onmicrosoft.com.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'Your organisation does not sell in this customer’s country.',
    );
    expect(api.requestsFor('CustomerCreate')[0]?.variables).toEqual({
      input: {
        companyName: 'Adatum Corporation',
        primaryDomain: 'adatum.onmicrosoft.com',
        country: 'DE',
      },
    });
    expect(screen.getByLabelText<HTMLInputElement>(/Company name/).value).toBe(
      ' Adatum Corporation ',
    );
  });

  it('opens the new customer once created', async () => {
    installFakeApi({
      graphql: {
        CustomerCreate: {
          data: {
            customerCreate: {
              __typename: 'CustomerCreatePayload',
              customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6NDI=', companyName: 'Adatum' },
              userErrors: [],
            },
          },
        },
      },
    });
    renderWithSession(<CustomerCreateView />);
    await fillIn({ companyName: 'Adatum', primaryDomain: 'adatum.onmicrosoft.com', country: 'US' });
    await userEvent.click(screen.getByRole('button', { name: 'Create customer' }));
    await waitFor(() => expect(window.location.pathname).toBe('/customers/Q3VzdG9tZXI6NDI%3D'));
  });
});
