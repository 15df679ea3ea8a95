/**
 * The rows of an imported file: number, outcome, the cells as written, and each error beside the
 * column it is about (the cell in error is highlighted). Presentational.
 */
import { Table } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import { useI18n } from '../../../i18n/i18n';
import type { SubscriptionImportRowData } from '../queries';
import { ImportOutcomeBadge } from './import-outcome-badge';

export function ImportRowsTable({
  caption,
  rows,
  isLoading,
}: {
  caption: string;
  rows: readonly SubscriptionImportRowData[] | undefined;
  isLoading: boolean;
}) {
  const { t } = useI18n();
  const columns: TableColumn<SubscriptionImportRowData>[] = [
    {
      key: 'row',
      header: t('subscriptionImport.column.row'),
      cell: (row) => row.rowNumber,
      isRowHeader: true,
      align: 'end',
    },
    {
      key: 'outcome',
      header: t('subscriptionImport.column.outcome'),
      cell: (row) => <ImportOutcomeBadge outcome={row.outcome} />,
    },
    {
      key: 'values',
      header: t('subscriptionImport.column.values'),
      cell: (row) => {
        const columnsInError = new Set(row.errors.map((error) => error.field?.[0]));
        return (
          <dl className="import-cells">
            {row.cells
              .filter((cell) => cell.value.trim() !== '' || columnsInError.has(cell.column))
              .map((cell) => (
                <div
                  key={cell.column}
                  className={
                    columnsInError.has(cell.column)
                      ? 'import-cells__cell import-cells__cell--error'
                      : 'import-cells__cell'
                  }
                >
                  <dt>{cell.column}</dt>
                  <dd>{cell.value || '—'}</dd>
                </div>
              ))}
          </dl>
        );
      },
    },
    {
      key: 'errors',
      header: t('subscriptionImport.column.errors'),
      cell: (row) =>
        row.errors.length === 0 ? null : (
          <ul className="import-errors">
            {row.errors.map((error, index) => (
              <li key={index}>
                {error.field?.[0] ? <strong>{error.field[0]}: </strong> : null}
                {error.message}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      getRowKey={(row) => row.id}
      isLoading={isLoading}
      loadingLabel={t('subscriptionImport.rows.loading')}
      emptyMessage={t('subscriptionImport.rows.empty')}
    />
  );
}
