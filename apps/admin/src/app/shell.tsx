/**
 * The signed-in frame: the partner and the person in the header, with sign-out; the main
 * navigation. Each route change moves focus to the main region (AppShell's `mainFocusKey`).
 */
import { AppShell, Button } from '@switchyard/ui';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { customerListPath } from '../features/customers/urls';
import { transferListPath } from '../features/transfers/urls';
import { useI18n } from '../i18n/i18n';
import { LiveIndicator } from './live-indicator';
import { LocaleSwitcher } from './locale-switcher';
import { Link, useLocation } from './router';
import { auditPath, channelsPath, overviewPath, partnersPath, settingsPath } from './routes';
import { useSession } from './session';

const GRAPHIQL_PATH = '/graphiql';

interface NavigationItem {
  to: string;
  label: string;
  isCurrent: boolean;
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { viewer, signOut } = useSession();
  const { pathname } = useLocation();
  const [isSigningOut, setIsSigningOut] = useState(false);
  const [hasSignOutFailed, setHasSignOutFailed] = useState(false);

  async function handleSignOut() {
    setIsSigningOut(true);
    setHasSignOutFailed(false);
    const isSignedOut = await signOut();
    if (!isSignedOut) {
      setIsSigningOut(false);
      setHasSignOutFailed(true);
    }
  }

  const section = (to: string, label: string): NavigationItem => ({
    to,
    label,
    isCurrent: pathname === to || pathname.startsWith(`${to}/`),
  });
  const navigation: NavigationItem[] = [
    section(overviewPath, t('nav.overview')),
    section(customerListPath, t('nav.customers')),
    section(transferListPath, t('nav.transfers')),
    section(channelsPath, t('nav.channels')),
    section(partnersPath, t('nav.partners')),
    section(auditPath, t('nav.audit')),
    section(settingsPath, t('nav.settings')),
  ];

  return (
    <AppShell
      brand={
        <span className="shell-brand">
          <span>{t('app.name')}</span>
          <span className="shell-brand__partner">{viewer.partner.name}</span>
        </span>
      }
      headerActions={
        <>
          <LiveIndicator />
          <LocaleSwitcher />
          <p className="shell-viewer">
            <span className="shell-viewer__name">
              {viewer.user
                ? t('header.signedInAs', { name: viewer.user.name })
                : t('header.apiKey')}
            </span>
            {viewer.user && <span className="shell-viewer__email">{viewer.user.email}</span>}
            <span className="shell-viewer__role">
              {t('header.role', { role: t(`role.${viewer.role}`) })}
            </span>
          </p>
          {hasSignOutFailed && (
            <p role="alert" className="shell-sign-out-error">
              {t('header.signOutFailed')}
            </p>
          )}
          {viewer.user && (
            <Button onClick={() => void handleSignOut()} isLoading={isSigningOut}>
              {isSigningOut ? t('header.signingOut') : t('header.signOut')}
            </Button>
          )}
        </>
      }
      navigationLabel={t('app.mainNavigation')}
      navigation={
        <ul>
          {navigation.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={item.isCurrent ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
          <li>
            {/* A separate page (its own bundle), so a plain link. */}
            <a href={GRAPHIQL_PATH}>{t('nav.graphiql')}</a>
          </li>
        </ul>
      }
      skipLinkLabel={t('app.skipToMain')}
      mainFocusKey={pathname}
    >
      {children}
    </AppShell>
  );
}
