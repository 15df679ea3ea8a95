/**
 * The overview (container + page): subscriptions by channel and by status as bar charts, and the
 * things waiting for the viewer — incoming transfers to answer, pending relationship requests, terms
 * ending in the next 60 days — each linking to the filtered list it counts.
 */
import type { Channel, SubscriptionStatus } from '@switchyard/domain';
import { BarChart, Card } from '@switchyard/ui';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useLiveRefresh } from '../../../app/live-refresh';
import { LoadFailed, Loading } from '../../../app/load-state';
import { Link } from '../../../app/router';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { customerListUrl } from '../../customers/urls';
import { transferListUrl } from '../../transfers/urls';
import { overviewQuery } from '../queries';
import type { OverviewCounts } from '../queries';

const TERMS_ENDING_DAYS = 60;

const CHANNEL_ALIASES: [Channel, keyof OverviewCounts][] = [
  ['CSP', 'csp'],
  ['DIRECT', 'direct'],
  ['ADVISOR', 'advisor'],
  ['OPEN', 'open'],
  ['EA', 'ea'],
  ['THIRD_PARTY', 'thirdParty'],
  ['SYNDICATION', 'syndication'],
];
const STATUS_ALIASES: [SubscriptionStatus, keyof OverviewCounts][] = [
  ['PENDING', 'pending'],
  ['ACTIVE', 'active'],
  ['SUSPENDED', 'suspended'],
  ['CANCELLED', 'cancelled'],
  ['EXPIRED', 'expired'],
];

const renderLink = (href: string, children: ReactNode) => <Link to={href}>{children}</Link>;

export function OverviewView() {
  const { t, formatNumber } = useI18n();
  useDocumentTitle(t('overview.title'));
  // Fixed for the page's life: a moving "now" would make a new query on every render.
  const [termsEndBefore] = useState(() =>
    new Date(Date.now() + TERMS_ENDING_DAYS * 86_400_000).toISOString(),
  );
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: overviewQuery,
    variables: { termsEndBefore },
    requestPolicy: 'cache-and-network',
  });
  // Counts move when a visible transfer or subscription changes, whoever changed it.
  useLiveRefresh({ transfers: true, subscriptions: true }, () =>
    reexecute({ requestPolicy: 'network-only' }),
  );

  let content: ReactNode;
  if (!data) {
    content =
      fetching || !error ? (
        <Loading label="overview.loading" />
      ) : (
        <LoadFailed
          title="overview.loadFailed"
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      );
  } else {
    const count = (alias: keyof OverviewCounts) => data[alias].totalCount;
    content = (
      <>
        <div className="stat-grid">
          <Stat
            label={t('overview.awaitingAnswer')}
            value={formatNumber(count('awaitingAnswer'))}
            href={transferListUrl({ direction: 'INCOMING', status: 'PENDING' })}
          />
          <Stat
            label={t('overview.pendingRequests')}
            value={formatNumber(count('pendingRequests'))}
            href={customerListUrl({ relationship: 'PENDING' })}
          />
          <Stat
            label={t('overview.termsEnding', { days: TERMS_ENDING_DAYS })}
            value={formatNumber(count('termsEnding'))}
            href={customerListUrl()}
          />
        </div>
        <div className="chart-grid">
          <Card title={t('overview.byChannel')}>
            <BarChart
              title={t('overview.byChannel')}
              renderLink={renderLink}
              data={CHANNEL_ALIASES.map(([channel, alias]) => ({
                key: channel,
                label: t(`channel.${channel}`),
                value: count(alias),
                formattedValue: formatNumber(count(alias)),
                href: customerListUrl({ channel }),
              }))}
            />
          </Card>
          <Card title={t('overview.byStatus')}>
            <BarChart
              title={t('overview.byStatus')}
              renderLink={renderLink}
              data={STATUS_ALIASES.map(([status, alias]) => ({
                key: status,
                label: t(`subscriptionStatus.${status}`),
                value: count(alias),
                formattedValue: formatNumber(count(alias)),
              }))}
            />
          </Card>
        </div>
      </>
    );
  }
  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('overview.title')}</h1>
      </div>
      {content}
    </div>
  );
}

function Stat({ label, value, href }: { label: string; value: string; href: string }) {
  return (
    <Link to={href} className="stat">
      <span className="stat__value">{value}</span>
      <span className="stat__label">{label}</span>
    </Link>
  );
}
