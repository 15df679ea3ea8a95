/**
 * Table: a data table with a caption and its three non-data states — loading, error and empty —
 * rendered inside the table so the caption and headers stay put and screen readers keep context.
 * While refetching with rows already shown (e.g. the next page), the rows stay and the table is
 * marked busy instead of flashing a spinner.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';
import { Spinner } from './spinner';

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** `end` right-aligns (numbers, dates). */
  align?: 'start' | 'end';
  /** This column names the row (rendered as `<th scope="row">`). */
  isRowHeader?: boolean;
}

export interface TableProps<Row> {
  caption: ReactNode;
  /** Hide the caption visually when a heading right above already says the same. */
  isCaptionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  /** `undefined` while nothing has loaded yet. */
  rows: readonly Row[] | undefined;
  getRowKey: (row: Row) => string;
  isLoading?: boolean;
  loadingLabel: string;
  /** When set, the table shows this instead of rows. */
  error?: ReactNode;
  emptyMessage: ReactNode;
  className?: string;
}

export function Table<Row>({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  getRowKey,
  isLoading = false,
  loadingLabel,
  error,
  emptyMessage,
  className,
}: TableProps<Row>) {
  const captionId = useId();
  const hasError = error !== undefined && error !== null && error !== false;
  const hasRows = rows !== undefined && rows.length > 0;

  let stateRow: ReactNode = null;
  if (hasError) {
    stateRow = (
      <div role="alert" className="sy-table__state sy-table__state--error">
        {error}
      </div>
    );
  } else if (isLoading && !hasRows) {
    stateRow = (
      <div className="sy-table__state">
        <Spinner label={loadingLabel} isLabelVisible />
      </div>
    );
  } else if (!hasRows) {
    stateRow = <div className="sy-table__state sy-table__state--empty">{emptyMessage}</div>;
  }

  return (
    // Focusable, named region: keyboard users can scroll a table wider than the screen.
    <div
      className={classNames('sy-table', isLoading && hasRows && 'sy-table--refreshing', className)}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="sy-table__table" aria-busy={isLoading || undefined}>
        <caption
          id={captionId}
          className={isCaptionHidden ? 'sy-visually-hidden' : 'sy-table__caption'}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={classNames(
                  'sy-table__header',
                  column.align === 'end' && 'sy-table__cell--end',
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stateRow !== null ? (
            <tr>
              <td colSpan={columns.length} className="sy-table__state-cell">
                {stateRow}
              </td>
            </tr>
          ) : (
            rows?.map((row) => (
              <tr key={getRowKey(row)} className="sy-table__row">
                {columns.map((column) => {
                  const cellClass = classNames(
                    'sy-table__cell',
                    column.align === 'end' && 'sy-table__cell--end',
                  );
                  return column.isRowHeader ? (
                    <th key={column.key} scope="row" className={cellClass}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={cellClass}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {isLoading && hasRows && (
        <Spinner label={loadingLabel} className="sy-table__refresh-spinner" />
      )}
    </div>
  );
}
