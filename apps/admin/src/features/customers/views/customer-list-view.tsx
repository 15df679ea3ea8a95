/**
 * The customer list (container): reads the search and page from the URL, queries one page of
 * customers, and turns typing and paging into URL changes. Typing is debounced, and replaces the
 * history entry, so the back button leaves the list instead of replaying keystrokes.
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { navigate, useLocation } from '../../../app/router';
import { useDebouncedCallback } from '../../../hooks/use-debounced-callback';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { CustomerListPage } from '../components/customer-list-page';
import { useMutationAllowance } from '../../../app/permissions';
import { CUSTOMER_LIST_PAGE_SIZE, customerListQuery } from '../queries';
import { customerListUrl, customerOrder, readCustomerListParams } from '../urls';

export const SEARCH_DEBOUNCE_MS = 300;

export function CustomerListView() {
  const { t } = useI18n();
  useDocumentTitle(t('customers.title'));
  const { searchParams } = useLocation();
  const params = readCustomerListParams(searchParams);
  const search = params.search ?? '';

  // The box follows the URL when the URL changes from outside (back / forward buttons).
  const [searchText, setSearchText] = useState(search);
  const [searchOfUrl, setSearchOfUrl] = useState(search);
  if (searchOfUrl !== search) {
    setSearchOfUrl(search);
    setSearchText(search);
  }

  const filters = {
    cloud: params.cloud,
    channel: params.channel,
    relationship: params.relationship,
    sort: params.sort,
  };
  const allowance = useMutationAllowance('customerCreate');

  const applySearch = useDebouncedCallback((text: string) => {
    // A new search starts from its first page.
    navigate(customerListUrl({ ...filters, search: text.trim() }), { replace: true });
  }, SEARCH_DEBOUNCE_MS);

  // Unset filters stay out of the request (undefined is not sent).
  const filterVariables = {
    cloud: params.cloud,
    channel: params.channel,
    relationshipStatus: params.relationship,
    orderBy: params.sort ? customerOrder(params.sort) : undefined,
  };
  const variables = params.before
    ? {
        last: CUSTOMER_LIST_PAGE_SIZE,
        before: params.before,
        search: search || null,
        ...filterVariables,
      }
    : {
        first: CUSTOMER_LIST_PAGE_SIZE,
        after: params.after ?? null,
        search: search || null,
        ...filterVariables,
      };
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: customerListQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const customers = data?.customers;

  return (
    <CustomerListPage
      customers={customers}
      isLoading={fetching}
      hasError={error !== undefined && !data}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      searchText={searchText}
      onSearchTextChange={(text) => {
        setSearchText(text);
        applySearch(text);
      }}
      activeSearch={search}
      filters={filters}
      onFilterChange={(name, value) =>
        navigate(customerListUrl({ ...filters, search, [name]: value || undefined }))
      }
      canCreate={allowance.isAllowed}
      createDisabledReason={allowance.reason}
      onPreviousPage={() => {
        if (customers?.pageInfo.startCursor) {
          navigate(customerListUrl({ ...filters, search, before: customers.pageInfo.startCursor }));
        }
      }}
      onNextPage={() => {
        if (customers?.pageInfo.endCursor)
          navigate(customerListUrl({ ...filters, search, after: customers.pageInfo.endCursor }));
      }}
    />
  );
}
