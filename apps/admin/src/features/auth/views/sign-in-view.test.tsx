import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { installFakeApi, jsonResponse } from '../../../testing/fake-api';
import { SignInView } from './sign-in-view';

async function signInWith(emailAddress: string, password: string) {
  await userEvent.type(screen.getByLabelText(/Email/), emailAddress);
  await userEvent.type(screen.getByLabelText(/Password/), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInView', () => {
  it('posts the credentials as JSON to /auth/login, then starts the session', async () => {
    const login = vi.fn(() =>
      jsonResponse({
        user: { email: 'admin@contoso.example', name: 'Megan Bowen', role: 'GLOBAL_ADMIN' },
        partner: { name: 'Contoso Cloud Services' },
      }),
    );
    const { fetchMock } = installFakeApi({ login });
    const onSignedIn = vi.fn();
    render(<SignInView onSignedIn={onSignedIn} />);
    await signInWith('admin@contoso.example', 'demo-password');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(login).toHaveBeenCalledWith({
      email: 'admin@contoso.example',
      password: 'demo-password',
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/auth/login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('says the email or password is wrong on a 401, keeping the form filled in', async () => {
    installFakeApi({
      login: () =>
        jsonResponse({ error: { code: 'UNAUTHENTICATED', message: 'Invalid credentials.' } }, 401),
    });
    const onSignedIn = vi.fn();
    render(<SignInView onSignedIn={onSignedIn} />);
    await signInWith('admin@contoso.example', 'wrong-password');

    expect((await screen.findByRole('alert')).textContent).toContain(
      'The email or password is incorrect.',
    );
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Email/)).toHaveProperty('value', 'admin@contoso.example');
    expect(screen.getByRole('button', { name: 'Sign in' }).getAttribute('aria-busy')).toBeNull();
  });

  it('asks to wait after too many failed attempts (429)', async () => {
    installFakeApi({
      login: () =>
        jsonResponse(
          { error: { code: 'LOGIN_THROTTLED', message: 'Try again in 5 minutes.' } },
          429,
        ),
    });
    render(<SignInView onSignedIn={vi.fn()} />);
    await signInWith('admin@contoso.example', 'demo-password');
    expect((await screen.findByRole('alert')).textContent).toContain('Too many failed sign-ins.');
  });

  it('says when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    render(<SignInView onSignedIn={vi.fn()} />);
    await signInWith('admin@contoso.example', 'demo-password');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The server could not be reached.',
    );
  });

  it('says when the server failed', async () => {
    installFakeApi({ login: () => new Response('<h1>Bad gateway</h1>', { status: 502 }) });
    render(<SignInView onSignedIn={vi.fn()} />);
    await signInWith('admin@contoso.example', 'demo-password');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Something went wrong on the server.',
    );
  });
});
