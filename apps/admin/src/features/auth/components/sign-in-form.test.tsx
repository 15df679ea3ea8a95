import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignInForm } from './sign-in-form';

function renderForm(props: Partial<Parameters<typeof SignInForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const view = render(<SignInForm onSubmit={onSubmit} isSubmitting={false} {...props} />);
  return { onSubmit, ...view };
}

const email = () => screen.getByLabelText(/Email/);
const password = () => screen.getByLabelText(/Password/);
const submit = () => screen.getByRole('button', { name: 'Sign in' });

describe('SignInForm', () => {
  it('asks for both fields before sending anything, and focuses the first', async () => {
    const { onSubmit } = renderForm();
    await userEvent.click(submit());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(email().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email());
  });

  it('refuses an email address that is not one', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(email(), 'admin-at-contoso');
    await userEvent.type(password(), 'demo-password');
    await userEvent.click(submit());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Enter an email address like name@example.com.')).toBeTruthy();
    expect(password().hasAttribute('aria-invalid')).toBe(false);
  });

  it('clears a field’s error once the user fixes it', async () => {
    renderForm();
    await userEvent.click(submit());
    await userEvent.type(email(), 'admin@contoso.example');
    expect(screen.queryByText('Enter your email address.')).toBeNull();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
  });

  it('sends the input as the domain schema normalises it', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(email(), '  Admin@Contoso.example ');
    await userEvent.type(password(), 'demo-password');
    await userEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({
      email: 'admin@contoso.example',
      password: 'demo-password',
    });
  });

  it('shows why sign-in failed and keeps what was typed', async () => {
    const { rerender, onSubmit } = renderForm();
    await userEvent.type(email(), 'admin@contoso.example');
    await userEvent.type(password(), 'wrong-password');
    await userEvent.click(submit());
    rerender(
      <SignInForm
        onSubmit={onSubmit}
        isSubmitting={false}
        error="The email or password is incorrect."
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('The email or password is incorrect.');
    expect(email()).toHaveProperty('value', 'admin@contoso.example');
    expect(password()).toHaveProperty('value', 'wrong-password');
  });

  it('does not send twice while a sign-in is under way', async () => {
    const { onSubmit } = renderForm({ isSubmitting: true });
    await userEvent.type(email(), 'admin@contoso.example');
    await userEvent.type(password(), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Signing in…' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows a notice, e.g. that the previous session ended', () => {
    renderForm({ notice: 'Your session has ended. Sign in again to continue.' });
    expect(screen.getByRole('status').textContent).toBe(
      'Your session has ended. Sign in again to continue.',
    );
  });
});
