import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithSession } from '../../../testing/render-with-session';
import { graphQLError, installFakeApi } from '../../../testing/fake-api';
import type { GraphQLRequest } from '../../../testing/fake-api';
import { customerListItem, customerListResult } from '../fixtures';
import { CustomerListView } from './customer-list-view';

function renderView(path = '/customers') {
  window.history.replaceState(null, '', path);
  return renderWithSession(<CustomerListView />);
}

/** Answers with customers whose names say which search and cursor asked for them. */
function customersFor({ variables }: GraphQLRequest) {
  const { search, after, before } = variables as Record<string, string | null | undefined>;
  const label = `${search ?? 'all'}@${after ?? before ?? 'start'}`;
  return customerListResult([customerListItem({ companyName: `Result ${label}` })], {
    totalCount: 80,
    pageInfo: {
      hasNextPage: true,
      hasPreviousPage: variables.after !== null,
      endCursor: 'c25',
      startCursor: 'c1',
    },
  });
}

describe('CustomerListView', () => {
  it('asks for the first page of 25', async () => {
    const api = installFakeApi({ graphql: { CustomerList: customersFor } });
    renderView();
    expect(await screen.findByRole('rowheader', { name: 'Result all@start' })).toBeTruthy();
    expect(api.requestsFor('CustomerList')[0]?.variables).toEqual({
      first: 25,
      after: null,
      search: null,
    });
  });

  it('searches once typing pauses, from the first page, and puts the search in the URL', async () => {
    const api = installFakeApi({ graphql: { CustomerList: customersFor } });
    renderView('/customers?after=c25');
    await screen.findByRole('rowheader', { name: 'Result all@c25' });

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'adatum');
    expect(await screen.findByRole('rowheader', { name: 'Result adatum@start' })).toBeTruthy();

    const searches = api.requestsFor('CustomerList').map((request) => request.variables.search);
    expect(searches).toEqual([null, 'adatum']);
    expect(window.location.search).toBe('?search=adatum');
  });

  it('pages forward and back with the cursors', async () => {
    const api = installFakeApi({ graphql: { CustomerList: customersFor } });
    renderView();
    await screen.findByRole('rowheader', { name: 'Result all@start' });

    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(await screen.findByRole('rowheader', { name: 'Result all@c25' })).toBeTruthy();
    expect(window.location.search).toBe('?after=c25');

    await userEvent.click(screen.getByRole('button', { name: /Previous/ }));
    await screen.findByRole('rowheader', { name: 'Result all@c1' });
    expect(api.requestsFor('CustomerList').at(-1)?.variables).toEqual({
      last: 25,
      before: 'c1',
      search: null,
    });
  });

  it('shows the error state when the list cannot be loaded', async () => {
    installFakeApi({ graphql: { CustomerList: graphQLError('QUERY_TOO_COSTLY') } });
    renderView();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Customers could not be loaded.'),
    );
  });
});
