import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TextField } from './text-field';

describe('TextField', () => {
  it('labels its input', async () => {
    render(<TextField label="Email" />);
    const input = screen.getByLabelText('Email');
    await userEvent.type(input, 'admin@contoso.example');
    expect(input).toHaveProperty('value', 'admin@contoso.example');
  });

  it('describes the input with its description and error, and marks it invalid', () => {
    render(
      <TextField
        label="Email"
        description="Your work address."
        error="Enter a valid email address."
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Email' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['Your work address.', 'Enter a valid email address.']);
  });

  it('is not marked invalid without an error', () => {
    render(<TextField label="Email" error="" />);
    const input = screen.getByRole('textbox', { name: 'Email' });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('keeps an id given by the caller', () => {
    render(<TextField label="Password" type="password" id="password" />);
    expect(screen.getByLabelText('Password').id).toBe('password');
  });
});
