/**
 * AppShell: the page frame — a skip link, a header (brand, then whatever the app puts at its end:
 * who is signed in, sign-out), the main navigation, and the main region. The app supplies the
 * navigation's links (its router owns them); links with `aria-current="page"` are highlighted.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

export interface AppShellProps {
  brand: ReactNode;
  /** Shown at the end of the header: the signed-in user, the sign-out button. */
  headerActions?: ReactNode;
  /** A list of links, e.g. `<ul><li><a href aria-current>…</a></li></ul>`. */
  navigation?: ReactNode;
  navigationLabel: string;
  skipLinkLabel: string;
  /**
   * When this changes (pass the route's path), focus moves to the main region, as after a page
   * load, so keyboard and screen reader users start at the new content.
   */
  mainFocusKey?: string;
  children: ReactNode;
}

const MAIN_ID = 'sy-main';

export function AppShell({
  brand,
  headerActions,
  navigation,
  navigationLabel,
  skipLinkLabel,
  mainFocusKey,
  children,
}: AppShellProps) {
  const mainRef = useRef<HTMLElement>(null);
  const previousFocusKey = useRef(mainFocusKey);
  useEffect(() => {
    if (previousFocusKey.current === mainFocusKey) return;
    previousFocusKey.current = mainFocusKey;
    mainRef.current?.focus();
  }, [mainFocusKey]);

  return (
    <div className="sy-shell">
      <a className="sy-shell__skip-link" href={`#${MAIN_ID}`}>
        {skipLinkLabel}
      </a>
      <header className="sy-shell__header">
        <div className="sy-shell__brand">{brand}</div>
        {headerActions !== undefined && (
          <div className="sy-shell__header-actions">{headerActions}</div>
        )}
      </header>
      {navigation !== undefined && (
        <nav className="sy-shell__nav" aria-label={navigationLabel}>
          {navigation}
        </nav>
      )}
      {/* tabIndex -1: the skip link and route changes can move focus here. */}
      <main ref={mainRef} id={MAIN_ID} className="sy-shell__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
