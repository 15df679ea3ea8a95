/**
 * GraphiQL, served at `/graphiql` from this build (nothing from another host): the API key bar,
 * then the IDE, opening with one tab per example operation of docs/examples/. A new key makes a new
 * fetcher, and GraphiQL reloads the schema with it.
 */
import { GraphiQL } from 'graphiql';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiKeyForm } from './api-key-form';
import { readStoredApiKey, storeApiKey } from './api-key-storage';
import { EXAMPLE_TABS } from './example-tabs';
import { createSwitchyardFetcher } from './fetcher';

/** What a new tab shows; the tabs GraphiQL opens with are the examples (./example-tabs.ts). */
const NEW_TAB_QUERY = `# Welcome to the Switchyard API.
# Requests use your admin app session, or the API key you set above.

query Viewer {
  viewer {
    partner {
      name
      kind
      cloud
    }
    role
  }
}
`;

const DEFAULT_TABS = EXAMPLE_TABS.map(({ query, variables }) => ({ query, variables }));

export function GraphiQLPage() {
  const { t } = useI18n();
  const [apiKey, setApiKey] = useState(readStoredApiKey);
  const fetcher = useMemo(() => createSwitchyardFetcher({ apiKey }), [apiKey]);

  return (
    <div className="graphiql-page">
      <header className="graphiql-page__header">
        <h1 className="graphiql-page__title">{t('graphiql.title')}</h1>
        <a href="/">{t('graphiql.backToApp')}</a>
        <ApiKeyForm
          apiKey={apiKey}
          onApiKeyChange={(key) => {
            storeApiKey(key);
            setApiKey(key);
          }}
        />
      </header>
      <div className="graphiql-page__ide">
        <GraphiQL fetcher={fetcher} defaultQuery={NEW_TAB_QUERY} defaultTabs={DEFAULT_TABS} />
      </div>
    </div>
  );
}
