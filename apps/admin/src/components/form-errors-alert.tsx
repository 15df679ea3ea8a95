/** The errors about a whole request (not one field), above a form's buttons. */
import { Alert } from '@switchyard/ui';
import { useI18n } from '../i18n/i18n';

export function FormErrorsAlert({ messages }: { messages: readonly string[] }) {
  const { t } = useI18n();
  if (messages.length === 0) return null;
  return (
    <Alert tone="danger" title={t('form.refused')}>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </Alert>
  );
}
