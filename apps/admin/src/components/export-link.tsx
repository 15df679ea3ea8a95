/**
 * "Export CSV": a plain download link to the API's CSV export (`/export/<list>.csv`) carrying the
 * list's current filters. The browser sends the session cookie with it, so it needs no script; the
 * file holds every matching row, not only the page on screen.
 */
import { useId } from 'react';
import { withSearchParams } from '../app/router';
import { useI18n } from '../i18n/i18n';

export type ExportList = 'customers' | 'subscriptions';

/** The export's address; empty filters are left out. Filter names and values are the API's. */
export function exportCsvUrl(
  list: ExportList,
  filters: Record<string, string | null | undefined>,
): string {
  return withSearchParams(`/export/${list}.csv`, filters);
}

export function ExportLink({
  list,
  filters,
}: {
  list: ExportList;
  filters: Record<string, string | null | undefined>;
}) {
  const { t } = useI18n();
  const descriptionId = useId();
  return (
    <>
      <a
        className="sy-button sy-button--secondary"
        href={exportCsvUrl(list, filters)}
        download
        aria-describedby={descriptionId}
      >
        {t('export.csv')}
      </a>
      <span id={descriptionId} hidden>
        {t('export.csv.description')}
      </span>
    </>
  );
}
