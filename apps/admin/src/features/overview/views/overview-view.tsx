/**
 * The overview (container + page): subscriptions by channel and by status as bar charts, and the
 * things waiting for the viewer — incoming transfers to answer, pending relationship requests, terms
 * ending in the next 60 days — each linking to the filtered list it counts.
 */
import { CHANNELS, SUBSCRIPTION_STATUSES } from '@switchyard/domain';
import { BarChart, Card } from '@switchyard/ui';
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

const TERMS_ENDING_DAYS = 60;

const renderLink = (href: string, children: ReactNode) => <Link to={href}>{children}</Link>;

export function OverviewView() {
  const { t, formatNumber } = useI18n();
  useDocumentTitle(t('overview.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: overviewQuery,
    variables: { termsEndingDays: TERMS_ENDING_DAYS },
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
    const counts = data.subscriptionCounts;
    // The API leaves out channels and statuses with no subscriptions; the charts show them at 0.
    const byChannel = new Map(counts.byChannel.map((row) => [row.channel, row.count]));
    const byStatus = new Map(counts.byStatus.map((row) => [row.status, row.count]));
    content = (
      <>
        <div className="stat-grid">
          <Stat
            label={t('overview.awaitingAnswer')}
            value={formatNumber(data.awaitingAnswer.totalCount)}
            href={transferListUrl({ direction: 'INCOMING', status: 'PENDING' })}
          />
          <Stat
            label={t('overview.pendingRequests')}
            value={formatNumber(data.pendingRequests.totalCount)}
            href={customerListUrl({ relationship: 'PENDING' })}
          />
          <Stat
            label={t('overview.termsEnding', { days: TERMS_ENDING_DAYS })}
            value={formatNumber(counts.termsEndingWithin)}
            href={customerListUrl()}
          />
        </div>
        <div className="chart-grid">
          <Card title={t('overview.byChannel')}>
            <BarChart
              title={t('overview.byChannel')}
              renderLink={renderLink}
              data={CHANNELS.map((channel) => ({
                key: channel,
                label: t(`channel.${channel}`),
                value: byChannel.get(channel) ?? 0,
                formattedValue: formatNumber(byChannel.get(channel) ?? 0),
                href: customerListUrl({ channel }),
              }))}
            />
          </Card>
          <Card title={t('overview.byStatus')}>
            <BarChart
              title={t('overview.byStatus')}
              renderLink={renderLink}
              data={SUBSCRIPTION_STATUSES.map((status) => ({
                key: status,
                label: t(`subscriptionStatus.${status}`),
                value: byStatus.get(status) ?? 0,
                formattedValue: formatNumber(byStatus.get(status) ?? 0),
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
