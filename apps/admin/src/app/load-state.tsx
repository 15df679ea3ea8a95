/** The loading and failed states of a page that shows one object (or a section of one). */
import { Alert, Button, Spinner } from '@switchyard/ui';
import type { CombinedError } from 'urql';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/locales';

export function isNotFoundError(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions.code === 'NOT_FOUND'));
}

export function LoadFailed({ title, onRetry }: { title: MessageKey; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      tone="danger"
      title={t(title)}
      actions={<Button onClick={onRetry}>{t('app.retry')}</Button>}
    />
  );
}

export function Loading({ label }: { label: MessageKey }) {
  const { t } = useI18n();
  return <Spinner label={t(label)} isLabelVisible />;
}

/** What a list's table shows in place of its rows when the first load failed. */
export function TableLoadFailed({
  message,
  onRetry,
}: {
  message: MessageKey;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <p>{t(message)}</p>
      <Button onClick={onRetry}>{t('app.retry')}</Button>
    </>
  );
}
