/** A read-only value with a copy button (invitation links, a new API key): copied with the Clipboard API. */
import { Button, TextField } from '@switchyard/ui';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="copy-field">
      <TextField label={label} value={value} readOnly onFocus={(event) => event.target.select()} />
      <Button
        onClick={() => {
          void navigator.clipboard
            ?.writeText(value)
            .then(() => setIsCopied(true))
            .catch(() => setIsCopied(false));
        }}
      >
        {t('copy.copy')}
      </Button>
      <span role="status" className="copy-field__status">
        {isCopied ? t('copy.copied') : ''}
      </span>
    </div>
  );
}
