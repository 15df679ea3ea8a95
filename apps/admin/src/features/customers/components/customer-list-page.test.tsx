import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { customerListItem, customerListResult } from '../fixtures';
import { CustomerListPage } from './customer-list-page';
import type { CustomerListPageProps } from './customer-list-page';

function renderPage(props: Partial<CustomerListPageProps> = {}) {
  const handlers = {
    onRetry: vi.fn(),
    onSearchTextChange: vi.fn(),
    onPreviousPage: vi.fn(),
    onNextPage: vi.fn(),
  };
  render(
    <CustomerListPage
      customers={undefined}
      isLoading={false}
      hasError={false}
      searchText=""
      activeSearch=""
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('CustomerListPage', () => {
  it('shows a loading state before the first page arrives', () => {
    renderPage({ isLoading: true });
    expect(screen.getByRole('status').textContent).toContain('Loading customers');
    expect(screen.queryByRole('navigation', { name: 'Customer list pages' })).toBeNull();
  });

  it('lists the customers with their domain, country, cloud, relationship and subscription count', () => {
    const adatum = customerListItem({
      companyName: 'Adatum Corporation',
      primaryDomain: 'adatum.onmicrosoft.com',
      country: 'DE',
      relationshipStatus: 'PENDING',
      subscriptions: { totalCount: 1234 },
    });
    renderPage({ customers: customerListResult([adatum, customerListItem()]).data.customers });

    const row = screen.getByRole('rowheader', { name: 'Adatum Corporation' }).closest('tr');
    const cells = within(row as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'adatum.onmicrosoft.com',
      'Germany',
      'Global',
      'Request pending',
      '1,234',
    ]);
    expect(screen.getByRole('link', { name: 'Adatum Corporation' }).getAttribute('href')).toBe(
      `/customers/${adatum.id}`,
    );
    expect(screen.getByText('2 customers')).toBeTruthy();
  });

  it('links the CSV export of every customer matching the search and filters in effect', () => {
    renderPage({
      customers: customerListResult([customerListItem()]).data.customers,
      activeSearch: 'ada tum',
      filters: { cloud: 'GLOBAL', relationship: 'ACTIVE', sort: 'CREATED_AT_DESC' },
    });
    const link = screen.getByRole('link', { name: 'Export CSV' });
    expect(link.getAttribute('href')).toBe(
      '/export/customers.csv?search=ada+tum&cloud=GLOBAL&relationshipStatus=ACTIVE',
    );
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('marks partner tenants', () => {
    renderPage({
      customers: customerListResult([
        customerListItem({ companyName: 'Fourth Coffee', isPartnerTenant: true }),
      ]).data.customers,
    });
    expect(screen.getByRole('rowheader', { name: /Fourth Coffee/ }).textContent).toContain(
      'Partner tenant',
    );
  });

  it('says when there are no customers yet', () => {
    renderPage({ customers: customerListResult([]).data.customers });
    expect(screen.getByText('No customers yet.')).toBeTruthy();
  });

  it('says when nothing matches the search', () => {
    renderPage({
      customers: customerListResult([]).data.customers,
      activeSearch: 'zzz',
      searchText: 'zzz',
    });
    expect(screen.getByText('No customers match “zzz”.')).toBeTruthy();
  });

  it('shows an error with a way to try again', async () => {
    const { onRetry } = renderPage({ hasError: true });
    expect(screen.getByRole('alert').textContent).toContain('Customers could not be loaded.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('pages only where there is a page', async () => {
    const { onNextPage, onPreviousPage } = renderPage({
      customers: customerListResult([customerListItem()], {
        totalCount: 60,
        pageInfo: { hasNextPage: true, hasPreviousPage: false },
      }).data.customers,
    });
    expect(screen.getByRole('button', { name: /Previous/ })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(onNextPage).toHaveBeenCalledTimes(1);
    expect(onPreviousPage).not.toHaveBeenCalled();
    expect(screen.getByText('60 customers')).toBeTruthy();
  });

  it('reports what is typed in the search box', async () => {
    const { onSearchTextChange } = renderPage();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'a');
    expect(onSearchTextChange).toHaveBeenCalledWith('a');
  });
});
