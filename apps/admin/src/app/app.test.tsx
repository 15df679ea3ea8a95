import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedOutViewerResult, viewerResult } from '../features/auth/fixtures';
import { customerListItem, customerListResult } from '../features/customers/fixtures';
import { installFakeApi, jsonResponse } from '../testing/fake-api';
import type { FakeApiHandlers } from '../testing/fake-api';
import { App } from './app';
import { navigate } from './router';

/** A fake API with a session: `/auth/login` starts it, `/auth/logout` ends it. */
function installSessionApi(
  options: { isSignedIn?: boolean; graphql?: FakeApiHandlers['graphql'] } = {},
) {
  const session = { isSignedIn: options.isSignedIn ?? false };
  const api = installFakeApi({
    graphql: {
      Viewer: () =>
        session.isSignedIn ? viewerResult({ role: 'HELPDESK_AGENT' }) : signedOutViewerResult,
      CustomerList: customerListResult([customerListItem({ companyName: 'Adatum Corporation' })]),
      ...options.graphql,
    },
    login: () => {
      session.isSignedIn = true;
      return jsonResponse({
        user: { email: 'admin@contoso.example', name: 'Megan Bowen', role: 'HELPDESK_AGENT' },
        partner: { name: 'Contoso Cloud Services' },
      });
    },
    logout: () => {
      session.isSignedIn = false;
      return new Response(null, { status: 204 });
    },
  });
  return { ...api, session };
}

describe('App', () => {
  it('shows the sign-in screen to a visitor without a session', async () => {
    installSessionApi();
    render(<App locale="en" />);
    expect(await screen.findByRole('heading', { name: 'Sign in to Switchyard' })).toBeTruthy();
    expect(screen.queryByText('Your session has ended. Sign in again to continue.')).toBeNull();
  });

  it('signs in, then shows the partner, the person and their role, and the customers', async () => {
    installSessionApi();
    render(<App locale="en" />);
    await userEvent.type(await screen.findByLabelText(/Email/), 'admin@contoso.example');
    await userEvent.type(screen.getByLabelText(/Password/), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const header = await screen.findByRole('banner');
    expect(header.textContent).toContain('Contoso Cloud Services');
    expect(header.textContent).toContain('Signed in as Megan Bowen');
    expect(header.textContent).toContain('Role: Helpdesk agent');
    expect(await screen.findByRole('rowheader', { name: 'Adatum Corporation' })).toBeTruthy();
    expect(window.location.pathname).toBe('/customers');
    const navigation = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(navigation).getByRole('link', { name: 'Customers' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it('signs out, back to the sign-in screen at the home page', async () => {
    const { fetchMock } = installSessionApi({ isSignedIn: true });
    render(<App locale="en" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Switchyard' })).toBeTruthy();
    expect(
      fetchMock.mock.calls.some(([url, init]) => url === '/auth/logout' && init?.method === 'POST'),
    ).toBe(true);
    expect(window.location.pathname).toBe('/');
  });

  it('returns to the sign-in screen, saying why, when the session expires', async () => {
    const { session } = installSessionApi({
      isSignedIn: true,
      graphql: {
        CustomerDetails: {
          data: null,
          errors: [{ message: 'Expired', extensions: { code: 'UNAUTHENTICATED' } }],
        },
      },
    });
    render(<App locale="en" />);
    await screen.findByRole('rowheader', { name: 'Adatum Corporation' });

    session.isSignedIn = false;
    act(() => navigate('/customers/Q3VzdG9tZXI6OTk='));
    expect(
      await screen.findByText('Your session has ended. Sign in again to continue.'),
    ).toBeTruthy();
  });

  it('offers to try again when the server cannot be reached', async () => {
    installSessionApi({
      graphql: { Viewer: { data: null, errors: [{ message: 'Database down' }] } },
    });
    render(<App locale="en" />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Switchyard could not reach the server.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows a not-found page for an unknown address', async () => {
    installSessionApi({ isSignedIn: true });
    window.history.replaceState(null, '', '/nowhere');
    render(<App locale="en" />);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Page not found · Switchyard'));
  });
});
