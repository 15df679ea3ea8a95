/** Sets the browser tab's title for the current page: "Customers · Switchyard". */
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

export function useDocumentTitle(pageTitle: string | undefined): void {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${appName}` : appName;
  }, [pageTitle, appName]);
}
