import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Alert } from './alert';

describe('Alert', () => {
  it('interrupts for dangers and warnings', () => {
    render(
      <Alert tone="danger" title="Sign-in failed">
        Email or password is incorrect.
      </Alert>,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Sign-in failedEmail or password is incorrect.',
    );
  });

  it('is announced politely for information', () => {
    render(<Alert tone="success">Saved.</Alert>);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });
});
