import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pagination } from './pagination';

function renderPagination(props: Partial<Parameters<typeof Pagination>[0]> = {}) {
  const handlers = { onPrevious: vi.fn(), onNext: vi.fn() };
  render(
    <Pagination
      label="Customer list pages"
      hasPreviousPage
      hasNextPage
      previousLabel="Previous"
      nextLabel="Next"
      summary="312 customers"
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('Pagination', () => {
  it('is a named navigation landmark with a summary', () => {
    renderPagination();
    expect(screen.getByRole('navigation', { name: 'Customer list pages' }).textContent).toContain(
      '312 customers',
    );
  });

  it('moves to the previous and next pages', async () => {
    const { onPrevious, onNext } = renderPagination();
    await userEvent.click(screen.getByRole('button', { name: /Previous/ }));
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(onPrevious).toHaveBeenCalledTimes(1);
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('disables the direction that has no page', () => {
    renderPagination({ hasPreviousPage: false });
    expect(screen.getByRole('button', { name: /Previous/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: /Next/ })).toHaveProperty('disabled', false);
  });

  it('disables both buttons while a page loads', () => {
    renderPagination({ isDisabled: true });
    for (const button of screen.getAllByRole('button'))
      expect(button).toHaveProperty('disabled', true);
  });
});
