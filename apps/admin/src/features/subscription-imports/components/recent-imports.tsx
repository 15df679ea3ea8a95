/** The latest imports (file, status, rows, date), each linking to its page. Presentational. */
import { Table } from '@switchyard/ui';
import type { ResultOf } from '../../../graphql';
import { Link } from '../../../app/router';
import { useI18n } from '../../../i18n/i18n';
import type { recentSubscriptionImportsQuery } from '../queries';
import { subscriptionImportUrl } from '../urls';
import { ImportStatusBadge } from './import-outcome-badge';

type RecentImport = ResultOf<
  typeof recentSubscriptionImportsQuery
>['subscriptionImports']['nodes'][number];

export function RecentImports({
  imports,
  isLoading,
}: {
  imports: readonly RecentImport[] | undefined;
  isLoading: boolean;
}) {
  const { t, formatDate } = useI18n();
  return (
    <Table
      caption={t('subscriptionImport.recent')}
      columns={[
        {
          key: 'file',
          header: t('subscriptionImport.column.file'),
          isRowHeader: true,
          cell: (row) => <Link to={subscriptionImportUrl(row.id)}>{row.fileName}</Link>,
        },
        {
          key: 'status',
          header: t('subscriptionImport.column.status'),
          cell: (row) => <ImportStatusBadge status={row.status} />,
        },
        {
          key: 'rows',
          header: t('subscriptionImport.column.rows'),
          align: 'end',
          cell: (row) => row.rowCount,
        },
        {
          key: 'created',
          header: t('subscriptionImport.column.createdAt'),
          cell: (row) => formatDate(row.createdAt),
        },
      ]}
      rows={imports}
      getRowKey={(row) => row.id}
      isLoading={isLoading}
      loadingLabel={t('subscriptionImport.loading')}
      emptyMessage={t('subscriptionImport.recent.empty')}
    />
  );
}
