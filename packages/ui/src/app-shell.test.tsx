import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppShell } from './app-shell';

describe('AppShell', () => {
  it('lays out the banner, the named navigation and the main region', () => {
    render(
      <AppShell
        brand="Switchyard"
        headerActions={<button type="button">Sign out</button>}
        navigationLabel="Main"
        skipLinkLabel="Skip to main content"
        navigation={
          <ul>
            <li>
              <a href="/customers" aria-current="page">
                Customers
              </a>
            </li>
          </ul>
        }
      >
        <h1>Customers</h1>
      </AppShell>,
    );
    expect(screen.getByRole('banner').textContent).toContain('Switchyard');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main').textContent).toBe('Customers');
  });

  it('moves focus to the main region when the focus key changes, not on first render', () => {
    const shell = (path: string) => (
      <AppShell brand="Switchyard" navigationLabel="Main" skipLinkLabel="Skip" mainFocusKey={path}>
        content
      </AppShell>
    );
    const { rerender } = render(shell('/customers'));
    expect(document.activeElement).not.toBe(screen.getByRole('main'));
    rerender(shell('/customers/1'));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('offers a skip link to the main region', () => {
    render(
      <AppShell brand="Switchyard" navigationLabel="Main" skipLinkLabel="Skip to main content">
        content
      </AppShell>,
    );
    const skipLink = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skipLink.getAttribute('href')).toBe(`#${screen.getByRole('main').id}`);
  });
});
