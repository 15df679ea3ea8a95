/**
 * The customer list (presentational): a search box, the table of customers with its loading, empty
 * and error states, and previous / next paging. The container owns the data and the URL.
 */
import { Badge, Button, Pagination, Table, TextField } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import { Link } from '../../../app/router';
import { useI18n } from '../../../i18n/i18n';
import type { CustomerList, CustomerListItem } from '../queries';
import { customerUrl } from '../urls';
import { RelationshipStatusBadge } from './relationship-status-badge';

export interface CustomerListPageProps {
  /** The current page; `undefined` until the first one arrives. */
  customers: CustomerList | undefined;
  isLoading: boolean;
  hasError: boolean;
  onRetry: () => void;
  /** What is typed in the search box. */
  searchText: string;
  onSearchTextChange: (value: string) => void;
  /** The search the shown results are for (the typed text, once the debounce settles). */
  activeSearch: string;
  onPreviousPage: () => void;
  onNextPage: () => void;
}

export function CustomerListPage({
  customers,
  isLoading,
  hasError,
  onRetry,
  searchText,
  onSearchTextChange,
  activeSearch,
  onPreviousPage,
  onNextPage,
}: CustomerListPageProps) {
  const { t, formatCountry, formatNumber } = useI18n();

  const columns: TableColumn<CustomerListItem>[] = [
    {
      key: 'companyName',
      header: t('customers.column.companyName'),
      isRowHeader: true,
      cell: (customer) => (
        <span className="customer-name">
          <Link to={customerUrl(customer.id)}>{customer.companyName}</Link>
          {customer.isPartnerTenant && <Badge tone="warning">{t('customers.partnerTenant')}</Badge>}
        </span>
      ),
    },
    {
      key: 'primaryDomain',
      header: t('customers.column.primaryDomain'),
      cell: (customer) => customer.primaryDomain,
    },
    {
      key: 'country',
      header: t('customers.column.country'),
      cell: (customer) => formatCountry(customer.country),
    },
    {
      key: 'cloud',
      header: t('customers.column.cloud'),
      cell: (customer) => t(`cloud.${customer.cloud}`),
    },
    {
      key: 'relationship',
      header: t('customers.column.relationship'),
      cell: (customer) => <RelationshipStatusBadge status={customer.relationshipStatus} />,
    },
    {
      key: 'subscriptions',
      header: t('customers.column.subscriptions'),
      align: 'end',
      cell: (customer) => formatNumber(customer.subscriptions.totalCount),
    },
  ];

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('customers.title')}</h1>
      </div>
      <div role="search" className="page__toolbar">
        <TextField
          type="search"
          label={t('customers.search')}
          description={t('customers.search.description')}
          value={searchText}
          onChange={(event) => onSearchTextChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <Table
        caption={t('customers.caption')}
        isCaptionHidden
        columns={columns}
        rows={customers?.nodes}
        getRowKey={(customer) => customer.id}
        isLoading={isLoading}
        loadingLabel={t('customers.loading')}
        error={
          hasError ? (
            <>
              <p>{t('customers.loadFailed')}</p>
              <Button onClick={onRetry}>{t('app.retry')}</Button>
            </>
          ) : undefined
        }
        emptyMessage={
          activeSearch ? t('customers.emptySearch', { search: activeSearch }) : t('customers.empty')
        }
      />
      {customers && !hasError && (
        <Pagination
          label={t('customers.pages')}
          summary={t('customers.count', { count: customers.totalCount })}
          hasPreviousPage={customers.pageInfo.hasPreviousPage}
          hasNextPage={customers.pageInfo.hasNextPage}
          onPrevious={onPreviousPage}
          onNext={onNextPage}
          previousLabel={t('pagination.previous')}
          nextLabel={t('pagination.next')}
          isDisabled={isLoading}
        />
      )}
    </div>
  );
}
