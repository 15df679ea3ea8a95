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
import { CUSTOMER_LIST_PAGE_SIZE, customerListQuery } from '../queries';
import { customerListUrl, readCustomerListParams } from '../urls';

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

  const applySearch = useDebouncedCallback((text: string) => {
    // A new search starts from its first page.
    navigate(customerListUrl({ search: text.trim() }), { replace: true });
  }, SEARCH_DEBOUNCE_MS);

  const variables = params.before
    ? { last: CUSTOMER_LIST_PAGE_SIZE, before: params.before, search: search || null }
    : { first: CUSTOMER_LIST_PAGE_SIZE, after: params.after ?? null, search: search || null };
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
      onPreviousPage={() => {
        if (customers?.pageInfo.startCursor) {
          navigate(customerListUrl({ search, before: customers.pageInfo.startCursor }));
        }
      }}
      onNextPage={() => {
        if (customers?.pageInfo.endCursor)
          navigate(customerListUrl({ search, after: customers.pageInfo.endCursor }));
      }}
    />
  );
}
