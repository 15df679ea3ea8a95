import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Spinner } from './spinner';

describe('Spinner', () => {
  it('announces its label', () => {
    render(<Spinner label="Loading customers" />);
    expect(screen.getByRole('status').textContent).toBe('Loading customers');
  });
});
