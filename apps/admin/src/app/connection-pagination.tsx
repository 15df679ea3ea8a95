/** Previous / next for a Relay connection whose cursor lives in the URL (see paging.ts). */
import { Pagination } from '@switchyard/ui';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation } from './router';
import { withPage } from './paging';

export interface ConnectionPaginationProps {
  label: string;
  summary: string;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor?: string | null;
    endCursor?: string | null;
  };
  isLoading: boolean;
}

export function ConnectionPagination({
  label,
  summary,
  pageInfo,
  isLoading,
}: ConnectionPaginationProps) {
  const { t } = useI18n();
  const { pathname, searchParams } = useLocation();
  return (
    <Pagination
      label={label}
      summary={summary}
      hasPreviousPage={pageInfo.hasPreviousPage}
      hasNextPage={pageInfo.hasNextPage}
      onPrevious={() => {
        if (pageInfo.startCursor)
          navigate(withPage(pathname, searchParams, { before: pageInfo.startCursor }));
      }}
      onNext={() => {
        if (pageInfo.endCursor)
          navigate(withPage(pathname, searchParams, { after: pageInfo.endCursor }));
      }}
      previousLabel={t('pagination.previous')}
      nextLabel={t('pagination.next')}
      isDisabled={isLoading}
    />
  );
}
