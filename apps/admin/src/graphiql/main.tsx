/**
 * GraphiQL's entry: a separate page and bundle from the admin app. Monaco's web workers are
 * bundled by Vite (`setup-workers/vite`), so the editor loads nothing from another host.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n';
import { pickLocale } from '../i18n/locales';
import { GraphiQLPage } from './graphiql-page';

const locale = pickLocale(navigator.languages);
document.documentElement.lang = locale;

const container = document.getElementById('root');
if (!container) throw new Error('graphiql.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <I18nProvider locale={locale}>
      <GraphiQLPage />
    </I18nProvider>
  </StrictMode>,
);
