import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Link, matchRoute, navigate, useLocation, withSearchParams } from './router';

function CurrentPath() {
  const { pathname, searchParams } = useLocation();
  return (
    <p>
      {pathname}|{searchParams.get('search')}
    </p>
  );
}

describe('router', () => {
  it('re-renders on navigate and on the back button', () => {
    render(<CurrentPath />);
    act(() => navigate('/customers?search=adatum'));
    expect(screen.getByText('/customers|adatum')).toBeTruthy();
    act(() => {
      window.history.pushState(null, '', '/customers/1');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByText('/customers/1|')).toBeTruthy();
  });

  it('navigates in place on a plain click of a Link', async () => {
    render(
      <>
        <Link to="/customers/abc">Adatum</Link>
        <CurrentPath />
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'Adatum' }));
    expect(window.location.pathname).toBe('/customers/abc');
    expect(screen.getByText('/customers/abc|')).toBeTruthy();
  });

  it('matches patterns and decodes parameters', () => {
    expect(matchRoute('/customers/:id', '/customers/Q3VzdG9tZXI6MQ%3D%3D')).toEqual({
      id: 'Q3VzdG9tZXI6MQ==',
    });
    expect(matchRoute('/customers/:id', '/customers')).toBeNull();
    expect(matchRoute('/customers', '/customers/')).toEqual({});
    expect(matchRoute('/customers/:id', '/partners/1')).toBeNull();
  });

  it('builds URLs without empty parameters', () => {
    expect(withSearchParams('/customers', { search: 'a b', after: null })).toBe(
      '/customers?search=a+b',
    );
    expect(withSearchParams('/customers', { search: '' })).toBe('/customers');
  });
});
