/** The admin app's entry: styles, the language (remembered choice, else the browser's), and the React root. */
import '@switchyard/ui/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initialLocale } from './i18n/locales';

const locale = initialLocale(navigator.languages);
document.documentElement.lang = locale;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App locale={locale} />
  </StrictMode>,
);
