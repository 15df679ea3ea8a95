/**
 * The session: owns the GraphQL client and decides between the sign-in screen and the app.
 * It asks the API `viewer` (null or UNAUTHENTICATED: nobody is signed in). Signing in or out
 * replaces the client, so one person's cached data never shows to the next. When any request
 * later reports UNAUTHENTICATED (the session expired), the sign-in screen returns with a notice.
 */
import { Alert, Button, Spinner } from '@switchyard/ui';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Provider, useQuery } from 'urql';
import { signOut as requestSignOut } from '../features/auth/api';
import { viewerQuery } from '../features/auth/queries';
import type { Viewer } from '../features/auth/queries';
import { SignInView } from '../features/auth/views/sign-in-view';
import { useI18n } from '../i18n/i18n';
import { createAdminClient, isUnauthenticatedError } from './client';
import { navigate } from './router';

export interface Session {
  viewer: Viewer;
  /** Ends the session on the server, then shows the sign-in screen. Resolves false if it failed. */
  signOut: () => Promise<boolean>;
}

const SessionContext = createContext<Session | null>(null);

/** Provides a session as is: for tests of views that read the viewer, without signing in. */
export function SessionValueProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session)
    throw new Error('useSession() is only available inside a signed-in <SessionProvider>.');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [isExpired, setIsExpired] = useState(false);
  const isSignedInRef = useRef(false);
  const makeClient = useCallback(
    () =>
      createAdminClient({
        // Only a session that existed can expire; a signed-out visitor's UNAUTHENTICATED is normal.
        onUnauthenticated: () => {
          if (isSignedInRef.current) setIsExpired(true);
        },
      }),
    [],
  );
  // A new session is a new client (empty cache) and a fresh subtree (`key`): nothing of the
  // previous person's data or screen state survives, not even urql's last result.
  const [{ client, generation }, setSession] = useState(() => ({
    client: makeClient(),
    generation: 0,
  }));

  const startOver = useCallback(() => {
    isSignedInRef.current = false;
    setIsExpired(false);
    setSession((current) => ({ client: makeClient(), generation: current.generation + 1 }));
  }, [makeClient]);

  const signedOut = useCallback(() => {
    // The next person to sign in starts at the home page, not at the last page of this one. The
    // session goes first (flushed), so no signed-in route is still mounted to react to the new URL.
    flushSync(startOver);
    navigate('/', { replace: true });
  }, [startOver]);

  const trackViewer = useCallback((isSignedIn: boolean) => {
    isSignedInRef.current = isSignedIn;
  }, []);

  return (
    <Provider value={client}>
      <SessionGate
        key={generation}
        isExpired={isExpired}
        onSignedIn={startOver}
        onSignedOut={signedOut}
        onViewer={trackViewer}
      >
        {children}
      </SessionGate>
    </Provider>
  );
}

interface SessionGateProps {
  isExpired: boolean;
  onSignedIn: () => void;
  onSignedOut: () => void;
  onViewer: (isSignedIn: boolean) => void;
  children: ReactNode;
}

function SessionGate({ isExpired, onSignedIn, onSignedOut, onViewer, children }: SessionGateProps) {
  const { t } = useI18n();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: viewerQuery });
  const viewer = data?.viewer ?? null;

  useEffect(() => {
    onViewer(viewer !== null);
  }, [viewer, onViewer]);

  const signOut = useCallback(async () => {
    const isSignedOut = await requestSignOut();
    if (isSignedOut) onSignedOut();
    return isSignedOut;
  }, [onSignedOut]);

  const session = useMemo(() => (viewer ? { viewer, signOut } : null), [viewer, signOut]);

  if (isExpired) return <SignInView onSignedIn={onSignedIn} isSessionExpired />;
  if (session) return <SessionContext value={session}>{children}</SessionContext>;
  if (fetching) {
    return (
      <div className="app-status">
        <Spinner label={t('app.loading')} isLabelVisible />
      </div>
    );
  }
  if (error && !isUnauthenticatedError(error)) {
    return (
      <div className="app-status">
        <Alert
          tone="danger"
          title={t('app.loadFailed')}
          actions={
            <Button onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              {t('app.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  return <SignInView onSignedIn={onSignedIn} />;
}
