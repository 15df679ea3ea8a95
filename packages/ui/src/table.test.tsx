import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Table } from './table';
import type { TableColumn } from './table';

interface Customer {
  id: string;
  name: string;
  seats: number;
}

const columns: TableColumn<Customer>[] = [
  { key: 'name', header: 'Company', cell: (row) => row.name, isRowHeader: true },
  { key: 'seats', header: 'Seats', cell: (row) => row.seats, align: 'end' },
];

function renderTable(props: Partial<Parameters<typeof Table<Customer>>[0]> = {}) {
  return render(
    <Table<Customer>
      caption="Customers"
      columns={columns}
      rows={[]}
      getRowKey={(row) => row.id}
      loadingLabel="Loading customers"
      emptyMessage="No customers yet."
      {...props}
    />,
  );
}

describe('Table', () => {
  it('names the table with its caption and renders one row per item', () => {
    renderTable({
      rows: [
        { id: '1', name: 'Adatum', seats: 25 },
        { id: '2', name: 'Wingtip', seats: 3 },
      ],
    });
    const table = screen.getByRole('table', { name: 'Customers' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(table).getByRole('rowheader', { name: 'Adatum' })).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Company', 'Seats']);
  });

  it('shows the loading state before any rows have arrived', () => {
    renderTable({ rows: undefined, isLoading: true });
    expect(screen.getByRole('status').textContent).toContain('Loading customers');
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
  });

  it('keeps the rows while refreshing', () => {
    renderTable({ rows: [{ id: '1', name: 'Adatum', seats: 25 }], isLoading: true });
    expect(screen.getByRole('rowheader', { name: 'Adatum' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Loading customers');
  });

  it('shows the empty state when there are no rows', () => {
    renderTable({ rows: [] });
    expect(screen.getByText('No customers yet.')).toBeTruthy();
  });

  it('shows the error state instead of rows', () => {
    renderTable({
      rows: [{ id: '1', name: 'Adatum', seats: 25 }],
      error: 'Customers could not be loaded.',
    });
    expect(screen.getByRole('alert').textContent).toBe('Customers could not be loaded.');
    expect(screen.queryByRole('rowheader', { name: 'Adatum' })).toBeNull();
  });

  it('spans the state cell across every column', () => {
    renderTable({ rows: [] });
    const cell = screen.getByText('No customers yet.').closest('td');
    expect(cell?.getAttribute('colspan')).toBe('2');
  });
});
