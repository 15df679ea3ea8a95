/**
 * The customer list (presentational): a search box, the table of customers with its loading, empty
 * and error states, and previous / next paging. The container owns the data and the URL.
 */
import { CHANNELS, CLOUDS } from '@switchyard/domain';
import { Badge, Button, Pagination, Select, Table, TextField } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import { Link } from '../../../app/router';
import { ExportLink } from '../../../components/export-link';
import { useI18n } from '../../../i18n/i18n';
import type { CustomerList, CustomerListItem } from '../queries';
import {
  CUSTOMER_RELATIONSHIP_FILTERS,
  CUSTOMER_SORTS,
  customerCreatePath,
  customerUrl,
} from '../urls';
import type { CustomerListUrlParams } from '../urls';
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
  /** The filters and sort in effect (from the URL). */
  filters?: Pick<CustomerListUrlParams, 'cloud' | 'channel' | 'relationship' | 'sort'>;
  onFilterChange?: (name: 'cloud' | 'channel' | 'relationship' | 'sort', value: string) => void;
  /** Whether the role may create customers; `createDisabledReason` says why not. */
  canCreate?: boolean;
  createDisabledReason?: string | undefined;
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
  filters = {},
  onFilterChange = () => {},
  canCreate = false,
  createDisabledReason,
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
        <ExportLink
          list="customers"
          filters={{
            search: activeSearch,
            cloud: filters.cloud,
            channel: filters.channel,
            relationshipStatus: filters.relationship,
          }}
        />
        {canCreate ? (
          <Link to={customerCreatePath} className="sy-button sy-button--primary">
            {t('customers.create')}
          </Link>
        ) : (
          createDisabledReason && (
            <p className="action-denied">
              <Button disabled>{t('customers.create')}</Button>
              <span className="action-denied__reason">{createDisabledReason}</span>
            </p>
          )
        )}
      </div>
      <div role="search" className="page__filters">
        <TextField
          type="search"
          label={t('customers.search')}
          description={t('customers.search.description')}
          value={searchText}
          onChange={(event) => onSearchTextChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Select
          label={t('customers.filter.cloud')}
          placeholder={t('customers.filter.anyCloud')}
          value={filters.cloud ?? ''}
          options={CLOUDS.map((cloud) => ({ value: cloud, label: t(`cloud.${cloud}`) }))}
          onChange={(event) => onFilterChange('cloud', event.target.value)}
        />
        <Select
          label={t('customers.filter.channel')}
          placeholder={t('customers.filter.anyChannel')}
          value={filters.channel ?? ''}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
          onChange={(event) => onFilterChange('channel', event.target.value)}
        />
        <Select
          label={t('customers.filter.relationship')}
          placeholder={t('customers.filter.anyRelationship')}
          value={filters.relationship ?? ''}
          options={CUSTOMER_RELATIONSHIP_FILTERS.map((status) => ({
            value: status,
            label: t(`relationshipStatus.${status}`),
          }))}
          onChange={(event) => onFilterChange('relationship', event.target.value)}
        />
        <Select
          label={t('customers.sort')}
          value={filters.sort ?? 'COMPANY_NAME_ASC'}
          options={CUSTOMER_SORTS.map((sort) => ({
            value: sort,
            label: t(`customers.sort.${sort}`),
          }))}
          onChange={(event) => onFilterChange('sort', event.target.value)}
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
