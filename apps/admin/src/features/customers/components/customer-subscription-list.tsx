/** A customer's subscriptions, every channel (that is the point of multi-channel), as a table. */
import { Table } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import { useI18n } from '../../../i18n/i18n';
import type { CustomerDetails, CustomerSubscription } from '../queries';
import { SubscriptionStatusBadge } from './subscription-status-badge';

export interface CustomerSubscriptionListProps {
  customer: CustomerDetails;
}

export function CustomerSubscriptionList({ customer }: CustomerSubscriptionListProps) {
  const { t, formatDate, formatNumber } = useI18n();
  const { nodes, totalCount } = customer.subscriptions;
  const notAvailable = t('app.notAvailable');

  const columns: TableColumn<CustomerSubscription>[] = [
    {
      key: 'offer',
      header: t('subscription.column.offer'),
      isRowHeader: true,
      cell: (row) => row.offer.name,
    },
    {
      key: 'channel',
      header: t('subscription.column.channel'),
      cell: (row) => t(`channel.${row.channel}`),
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
      key: 'termEndDate',
      header: t('subscription.column.termEndDate'),
      align: 'end',
      cell: (row) => (row.termEndDate ? formatDate(row.termEndDate) : notAvailable),
    },
  ];

  return (
    <>
      <Table
        caption={t('customer.subscriptions.caption', { companyName: customer.companyName })}
        isCaptionHidden
        columns={columns}
        rows={nodes}
        getRowKey={(row) => row.id}
        loadingLabel={t('customer.loading')}
        emptyMessage={t('customer.subscriptions.empty')}
      />
      {totalCount > nodes.length && (
        <p className="table-note">
          {t('customer.subscriptions.more', { shown: nodes.length, total: totalCount })}
        </p>
      )}
    </>
  );
}
