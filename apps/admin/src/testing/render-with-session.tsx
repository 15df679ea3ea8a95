/**
 * Renders a view as the app would: a GraphQL client (talking to the fake API; live updates from
 * `options.liveUpdates`, by default a fake that never sends any) and a signed-in session.
 */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'urql';
import type { Exchange } from 'urql';
import { createAdminClient } from '../app/client';
import { SessionValueProvider } from '../app/session';
import { viewerResult } from '../features/auth/fixtures';
import type { Viewer } from '../features/auth/queries';
import { I18nProvider } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import { createFakeLiveUpdates } from './fake-live-updates';

export function renderWithSession(
  ui: ReactNode,
  options: { role?: string; locale?: Locale; liveUpdates?: Exchange } = {},
) {
  const viewer = viewerResult({ role: options.role ?? 'GLOBAL_ADMIN' }).data
    .viewer as unknown as Viewer;
  return render(
    <I18nProvider locale={options.locale ?? 'en'}>
      <Provider
        value={createAdminClient({
          liveUpdates: options.liveUpdates ?? createFakeLiveUpdates().exchange,
        })}
      >
        <SessionValueProvider value={{ viewer, signOut: () => Promise.resolve(true) }}>
          {ui}
        </SessionValueProvider>
      </Provider>
    </I18nProvider>,
  );
}
