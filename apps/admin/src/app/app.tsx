/**
 * The admin app: language, then either the public invitation page (no sign-in: the customer's
 * administrator answers a relationship request) or the session (and with it the GraphQL client),
 * the signed-in frame and routes.
 */
import { InvitationView } from '../features/invitations/views/invitation-view';
import { invitationPathPattern } from '../features/invitations/urls';
import { I18nProvider } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import { matchRoute, useLocation } from './router';
import { Routes } from './routes';
import { SessionProvider } from './session';
import { Shell } from './shell';

export function App({ locale }: { locale: Locale }) {
  const { pathname } = useLocation();
  const invitation = matchRoute(invitationPathPattern, pathname);
  if (invitation) {
    return (
      <I18nProvider locale={locale}>
        <InvitationView token={invitation.token ?? ''} />
      </I18nProvider>
    );
  }
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
