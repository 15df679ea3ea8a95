/**
 * A customer's subscriptions of every channel (that is the point of multi-channel), grouped by
 * channel: status, term end, cancellation deadline, seller and managing partner, and the actions the
 * viewer's role allows on each row (others are disabled with the reason, or absent when the state
 * rules them out).
 */
import { CHANNELS } from '@switchyard/domain';
import type { Channel } from '@switchyard/domain';
import { Badge, Table } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { CustomerDetails, CustomerSubscription } from '../queries';
import { SubscriptionStatusBadge } from './subscription-status-badge';

export interface CustomerSubscriptionListProps {
  customer: CustomerDetails;
  /** The actions of one row (buttons); none when omitted. */
  renderActions?: (subscription: CustomerSubscription) => ReactNode;
}

export function groupByChannel(
  subscriptions: readonly CustomerSubscription[],
): [Channel, CustomerSubscription[]][] {
  const groups = new Map<Channel, CustomerSubscription[]>();
  for (const subscription of subscriptions) {
    const group = groups.get(subscription.channel) ?? [];
    group.push(subscription);
    groups.set(subscription.channel, group);
  }
  return CHANNELS.filter((channel) => groups.has(channel)).map((channel) => [
    channel,
    groups.get(channel) ?? [],
  ]);
}

export function CustomerSubscriptionList({
  customer,
  renderActions,
}: CustomerSubscriptionListProps) {
  const { t, formatDate, formatNumber, formatCurrency } = useI18n();
  const { nodes, totalCount } = customer.subscriptions;
  const notAvailable = t('app.notAvailable');
  const partnerName = (partner: { name: string; isViewerPartner: boolean } | null) =>
    partner
      ? partner.isViewerPartner
        ? t('subscription.you', { name: partner.name })
        : partner.name
      : notAvailable;

  const columns: TableColumn<CustomerSubscription>[] = [
    {
      key: 'offer',
      header: t('subscription.column.offer'),
      isRowHeader: true,
      cell: (row) => (
        <span className="cell-stack">
          <span>{row.offer.name}</span>
          {row.externalReference && (
            <span className="cell-muted">
              {t('subscription.externalReference', { reference: row.externalReference })}
            </span>
          )}
          {row.isInOpenTransfer && <Badge tone="info">{t('subscription.inTransfer')}</Badge>}
        </span>
      ),
    },
    {
      key: 'status',
      header: t('subscription.column.status'),
      cell: (row) => <SubscriptionStatusBadge status={row.status} />,
    },
    {
      key: 'quantity',
      header: t('subscription.column.quantity'),
      align: 'end',
      cell: (row) => (row.quantity === null ? notAvailable : formatNumber(row.quantity)),
    },
    {
      key: 'price',
      header: t('subscription.column.price'),
      align: 'end',
      cell: (row) =>
        row.offer.unitPrice === null || row.quantity === null
          ? notAvailable
          : formatCurrency(Number(row.offer.unitPrice) * row.quantity, row.offer.currency),
    },
    {
      key: 'termEndDate',
      header: t('subscription.column.termEndDate'),
      align: 'end',
      cell: (row) => (row.termEndDate ? formatDate(row.termEndDate) : notAvailable),
    },
    {
      key: 'cancellationAllowedUntil',
      header: t('subscription.column.cancellationAllowedUntil'),
      align: 'end',
      cell: (row) =>
        row.cancellationAllowedUntil ? formatDate(row.cancellationAllowedUntil) : notAvailable,
    },
    {
      key: 'seller',
      header: t('subscription.column.seller'),
      cell: (row) => partnerName(row.seller),
    },
    {
      key: 'managingPartner',
      header: t('subscription.column.managingPartner'),
      cell: (row) => partnerName(row.managingPartner),
    },
    ...(renderActions
      ? [
          {
            key: 'actions',
            header: t('subscription.column.actions'),
            cell: (row: CustomerSubscription) => (
              <div className="row-actions">{renderActions(row)}</div>
            ),
          },
        ]
      : []),
  ];

  if (nodes.length === 0) return <p className="empty-note">{t('customer.subscriptions.empty')}</p>;

  return (
    <>
      {groupByChannel(nodes).map(([channel, subscriptions]) => (
        <section key={channel} className="channel-group" aria-label={t(`channel.${channel}`)}>
          <h3 className="channel-group__title">
            {t(`channel.${channel}`)}{' '}
            <span className="cell-muted">
              {t('customer.subscriptions.count', { count: subscriptions.length })}
            </span>
          </h3>
          <Table
            caption={t('customer.subscriptions.caption', {
              companyName: customer.companyName,
              channel: t(`channel.${channel}`),
            })}
            isCaptionHidden
            columns={columns}
            rows={subscriptions}
            getRowKey={(row) => row.id}
            loadingLabel={t('customer.loading')}
            emptyMessage={t('customer.subscriptions.empty')}
          />
        </section>
      ))}
      {totalCount > nodes.length && (
        <p className="table-note">
          {t('customer.subscriptions.more', { shown: nodes.length, total: totalCount })}
        </p>
      )}
    </>
  );
}
