/** Shown for an address that matches no route. */
import { Alert } from '@switchyard/ui';
import { customerListPath } from '../features/customers/urls';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useI18n } from '../i18n/i18n';
import { Link } from './router';

export function NotFoundView() {
  const { t } = useI18n();
  useDocumentTitle(t('app.notFound.title'));
  return (
    <div className="page">
      <h1 className="page__title">{t('app.notFound.title')}</h1>
      <Alert tone="info" actions={<Link to={customerListPath}>{t('app.notFound.home')}</Link>}>
        {t('app.notFound.body')}
      </Alert>
    </div>
  );
}
