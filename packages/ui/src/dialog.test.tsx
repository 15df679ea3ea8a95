import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog';

describe('Dialog', () => {
  it('is named by its title and closes with its close button', async () => {
    const onClose = vi.fn();
    render(
      <Dialog isOpen title="Suspend subscription" onClose={onClose} closeLabel="Close">
        <p>Body</p>
      </Dialog>,
    );
    expect(screen.getByRole('dialog', { name: 'Suspend subscription' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('renders nothing inside while closed', () => {
    render(
      <Dialog isOpen={false} title="Hidden" onClose={() => undefined} closeLabel="Close">
        <p>Body</p>
      </Dialog>,
    );
    expect(screen.queryByText('Body')).toBeNull();
  });
});
