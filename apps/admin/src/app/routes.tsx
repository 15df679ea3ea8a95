/**
 * The route table: each feature's URL patterns and the view each renders. Add a feature by adding
 * its routes here; the first matching route wins. Sections other than customers are loaded on
 * demand (`lazy`), so the first load carries only the frame and the customer list.
 */
import { lazy, Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import { CustomerDetailsView } from '../features/customers/views/customer-details-view';
import { CustomerListView } from '../features/customers/views/customer-list-view';
import {
  customerCreatePath,
  customerListPath,
  customerPathPattern,
  customerTransferPathPattern,
} from '../features/customers/urls';
import {
  subscriptionImportNewPath,
  subscriptionImportPathPattern,
} from '../features/subscription-imports/urls';
import { transferListPath, transferPathPattern } from '../features/transfers/urls';
import { webhookListPath, webhookPathPattern } from '../features/webhooks/urls';
import { Loading } from './load-state';
import { NotFoundView } from './not-found-view';
import { matchRoute, navigate, useLocation } from './router';

const CustomerCreateView = lazy(() =>
  import('../features/customers/views/customer-create-view').then((m) => ({
    default: m.CustomerCreateView,
  })),
);
const OverviewView = lazy(() =>
  import('../features/overview/views/overview-view').then((m) => ({ default: m.OverviewView })),
);
const TransferWizardView = lazy(() =>
  import('../features/transfers/views/transfer-wizard-view').then((m) => ({
    default: m.TransferWizardView,
  })),
);
const TransferListView = lazy(() =>
  import('../features/transfers/views/transfer-list-view').then((m) => ({
    default: m.TransferListView,
  })),
);
const TransferDetailsView = lazy(() =>
  import('../features/transfers/views/transfer-details-view').then((m) => ({
    default: m.TransferDetailsView,
  })),
);
const SubscriptionImportNewView = lazy(() =>
  import('../features/subscription-imports/views/subscription-import-new-view').then((m) => ({
    default: m.SubscriptionImportNewView,
  })),
);
const SubscriptionImportView = lazy(() =>
  import('../features/subscription-imports/views/subscription-import-view').then((m) => ({
    default: m.SubscriptionImportView,
  })),
);
const ChannelsView = lazy(() =>
  import('../features/channels/views/channels-view').then((m) => ({ default: m.ChannelsView })),
);
const PartnersView = lazy(() =>
  import('../features/partners/views/partners-view').then((m) => ({ default: m.PartnersView })),
);
const AuditLogView = lazy(() =>
  import('../features/audit/views/audit-log-view').then((m) => ({ default: m.AuditLogView })),
);
const SettingsView = lazy(() =>
  import('../features/settings/views/settings-view').then((m) => ({ default: m.SettingsView })),
);
const WebhookListView = lazy(() =>
  import('../features/webhooks/views/webhook-list-view').then((m) => ({
    default: m.WebhookListView,
  })),
);
const WebhookDetailsView = lazy(() =>
  import('../features/webhooks/views/webhook-details-view').then((m) => ({
    default: m.WebhookDetailsView,
  })),
);

export const overviewPath = '/overview';
export const channelsPath = '/channels';
export const partnersPath = '/partners';
export const auditPath = '/audit';
export const settingsPath = '/settings';

interface Route {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

const ROUTES: readonly Route[] = [
  { pattern: '/', render: () => <Redirect to={customerListPath} /> },
  { pattern: overviewPath, render: () => <OverviewView /> },
  { pattern: customerListPath, render: () => <CustomerListView /> },
  { pattern: customerCreatePath, render: () => <CustomerCreateView /> },
  // Keyed by id: another customer is a new page, not an update of this one.
  {
    pattern: customerPathPattern,
    render: ({ id = '' }) => <CustomerDetailsView key={id} id={id} />,
  },
  {
    pattern: customerTransferPathPattern,
    render: ({ id = '' }) => <TransferWizardView key={id} customerId={id} />,
  },
  { pattern: transferListPath, render: () => <TransferListView /> },
  {
    pattern: transferPathPattern,
    render: ({ id = '' }) => <TransferDetailsView key={id} id={id} />,
  },
  { pattern: subscriptionImportNewPath, render: () => <SubscriptionImportNewView /> },
  {
    pattern: subscriptionImportPathPattern,
    render: ({ id = '' }) => <SubscriptionImportView key={id} id={id} />,
  },
  { pattern: channelsPath, render: () => <ChannelsView /> },
  { pattern: partnersPath, render: () => <PartnersView /> },
  { pattern: auditPath, render: () => <AuditLogView /> },
  { pattern: settingsPath, render: () => <SettingsView /> },
  { pattern: webhookListPath, render: () => <WebhookListView /> },
  {
    pattern: webhookPathPattern,
    render: ({ id = '' }) => <WebhookDetailsView key={id} id={id} />,
  },
];

export function Routes() {
  const { pathname } = useLocation();
  for (const route of ROUTES) {
    const params = matchRoute(route.pattern, pathname);
    if (params)
      return (
        <Suspense fallback={<Loading label="app.loadingPage" />}>{route.render(params)}</Suspense>
      );
  }
  return <NotFoundView />;
}
