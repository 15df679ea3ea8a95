/** The admin app: language, session (and with it the GraphQL client), then the signed-in frame and routes. */
import { I18nProvider } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import { Routes } from './routes';
import { SessionProvider } from './session';
import { Shell } from './shell';

export function App({ locale }: { locale: Locale }) {
  return (
    <I18nProvider locale={locale}>
      <SessionProvider>
        <Shell>
          <Routes />
        </Shell>
      </SessionProvider>
    </I18nProvider>
  );
}
