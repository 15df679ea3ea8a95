/**
 * The route table: each feature's URL patterns and the view each renders. Add a feature by adding
 * its routes here; the first matching route wins.
 */
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { CustomerDetailsView } from '../features/customers/views/customer-details-view';
import { CustomerListView } from '../features/customers/views/customer-list-view';
import { customerListPath, customerListUrl, customerPathPattern } from '../features/customers/urls';
import { NotFoundView } from './not-found-view';
import { matchRoute, navigate, useLocation } from './router';

interface Route {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

const ROUTES: readonly Route[] = [
  { pattern: '/', render: () => <Redirect to={customerListUrl()} /> },
  { pattern: customerListPath, render: () => <CustomerListView /> },
  // Keyed by id: another customer is a new page, not an update of this one.
  {
    pattern: customerPathPattern,
    render: ({ id = '' }) => <CustomerDetailsView key={id} id={id} />,
  },
];

export function Routes() {
  const { pathname } = useLocation();
  for (const route of ROUTES) {
    const params = matchRoute(route.pattern, pathname);
    if (params) return route.render(params);
  }
  return <NotFoundView />;
}
