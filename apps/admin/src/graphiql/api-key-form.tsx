/**
 * The bar above GraphiQL where a developer pastes an API key (or forgets it). It says which
 * credentials requests use, and only ever shows the key's last characters.
 */
import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export interface ApiKeyFormProps {
  apiKey: string | null;
  onApiKeyChange: (apiKey: string | null) => void;
}

export function ApiKeyForm({ apiKey, onApiKeyChange }: ApiKeyFormProps) {
  const { t } = useI18n();
  const inputId = useId();
  const descriptionId = useId();
  const [draft, setDraft] = useState('');

  return (
    <form
      className="api-key-form"
      onSubmit={(event) => {
        event.preventDefault();
        const key = draft.trim();
        if (!key) return;
        onApiKeyChange(key);
        setDraft('');
      }}
    >
      <label htmlFor={inputId} className="api-key-form__label">
        {t('graphiql.apiKey')}
      </label>
      <input
        id={inputId}
        className="api-key-form__input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        aria-describedby={descriptionId}
      />
      <button type="submit" className="api-key-form__button">
        {t('graphiql.apiKey.save')}
      </button>
      {apiKey && (
        <button type="button" className="api-key-form__button" onClick={() => onApiKeyChange(null)}>
          {t('graphiql.apiKey.clear')}
        </button>
      )}
      <p id={descriptionId} className="api-key-form__description">
        {t('graphiql.apiKey.description')}
      </p>
      <p role="status" className="api-key-form__status">
        {apiKey
          ? t('graphiql.apiKey.usingKey', { suffix: apiKey.slice(-4) })
          : t('graphiql.apiKey.usingSession')}
      </p>
    </form>
  );
}
