/**
 * Transfers (container + table): incoming (asking the viewer for subscriptions) or outgoing, by
 * status, paged on the server; refreshed when one of the partner's transfers changes (live updates).
 */
import { TRANSFER_STATUSES } from '@switchyard/domain';
import { Select, Table } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import { useQuery } from 'urql';
import { ConnectionPagination } from '../../../app/connection-pagination';
import { useLiveRefresh } from '../../../app/live-refresh';
import { pageVariables, withFilter } from '../../../app/paging';
import { Link, navigate, useLocation } from '../../../app/router';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { transferListQuery } from '../queries';
import type { TransferListItem } from '../queries';
import { transferUrl } from '../urls';
import { TransferStatusBadge } from '../components/transfer-status-badge';
import { TableLoadFailed } from '../../../app/load-state';

export function TransferListView() {
  const { t, formatDate, formatNumber } = useI18n();
  useDocumentTitle(t('transfers.title'));
  const { pathname, searchParams } = useLocation();
  const direction = searchParams.get('direction') === 'OUTGOING' ? 'OUTGOING' : 'INCOMING';
  const status = TRANSFER_STATUSES.find((value) => value === searchParams.get('status'));
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: transferListQuery,
    variables: { ...pageVariables(searchParams), direction, status },
    requestPolicy: 'cache-and-network',
  });
  useLiveRefresh({ transfers: true }, () => reexecute({ requestPolicy: 'network-only' }));
  const transfers = data?.transfers;
  const columns: TableColumn<TransferListItem>[] = [
    {
      key: 'customer',
      header: t('transfers.column.customer'),
      isRowHeader: true,
      cell: (row) => <Link to={transferUrl(row.id)}>{row.customer.companyName}</Link>,
    },
    {
      key: 'kind',
      header: t('transfers.column.kind'),
      cell: (row) => t(`transferKind.${row.kind}`),
    },
    {
      key: 'status',
      header: t('transfers.column.status'),
      cell: (row) => <TransferStatusBadge status={row.status} />,
    },
    {
      key: 'counterpart',
      header: t(
        direction === 'INCOMING' ? 'transfers.column.requester' : 'transfers.column.source',
      ),
      cell: (row) =>
        direction === 'INCOMING'
          ? row.targetPartner.name
          : (row.sourcePartner?.name ?? t(`channel.${row.sourceChannel}`)),
    },
    {
      key: 'items',
      header: t('transfers.column.items'),
      align: 'end',
      cell: (row) => formatNumber(row.lineItems.length),
    },
    {
      key: 'createdAt',
      header: t('transfers.column.createdAt'),
      align: 'end',
      cell: (row) => formatDate(row.createdAt),
    },
    {
      key: 'expiresAt',
      header: t('transfers.column.expiresAt'),
      align: 'end',
      cell: (row) => (row.expiresAt ? formatDate(row.expiresAt) : t('app.notAvailable')),
    },
  ];
  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('transfers.title')}</h1>
      </div>
      <nav aria-label={t('transfers.direction')} className="tabs">
        {(['INCOMING', 'OUTGOING'] as const).map((value) => (
          <Link
            key={value}
            to={withFilter(pathname, new URLSearchParams(), 'direction', value)}
            aria-current={direction === value ? 'page' : undefined}
          >
            {t(`transfers.direction.${value}`)}
          </Link>
        ))}
      </nav>
      <div className="page__filters">
        <Select
          label={t('transfers.filter.status')}
          placeholder={t('transfers.filter.anyStatus')}
          value={status ?? ''}
          options={TRANSFER_STATUSES.map((value) => ({
            value,
            label: t(`transferStatus.${value}`),
          }))}
          onChange={(event) =>
            navigate(withFilter(pathname, searchParams, 'status', event.target.value))
          }
        />
      </div>
      <Table
        caption={t(`transfers.direction.${direction}`)}
        isCaptionHidden
        columns={columns}
        rows={transfers?.nodes}
        getRowKey={(row) => row.id}
        isLoading={fetching}
        loadingLabel={t('transfers.loading')}
        error={
          error && !data ? (
            <TableLoadFailed
              message="transfers.loadFailed"
              onRetry={() => reexecute({ requestPolicy: 'network-only' })}
            />
          ) : undefined
        }
        emptyMessage={t(`transfers.empty.${direction}`)}
      />
      {transfers && (
        <ConnectionPagination
          label={t('transfers.pages')}
          summary={t('transfers.count', { count: transfers.totalCount })}
          pageInfo={transfers.pageInfo}
          isLoading={fetching}
        />
      )}
    </div>
  );
}
