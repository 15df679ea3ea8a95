/**
 * Sign-in (container): sends the form to `POST /auth/login` and turns each failure into words.
 * On success the session provider starts a fresh session (new client, empty cache).
 */
import { useState } from 'react';
import type { LoginInput } from '@switchyard/domain';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import type { I18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../i18n/error-message';
import { signIn } from '../api';
import type { SignInFailure } from '../api';
import { SignInForm } from '../components/sign-in-form';

export interface SignInViewProps {
  onSignedIn: () => void;
  /** The previous session ended while the app was open. */
  isSessionExpired?: boolean;
}

export function describeSignInFailure(t: I18n['t'], failure: SignInFailure): string {
  switch (failure.kind) {
    case 'refused':
      // The API's 401 message may be generic; ours says which of the two to check.
      if (failure.code === 'UNAUTHENTICATED') return t('signIn.error.UNAUTHENTICATED');
      return errorMessage(t, failure.code, failure.message, 'signIn.error.unexpected');
    case 'network':
      return t('signIn.error.network');
    case 'unexpected':
      return t('signIn.error.unexpected');
  }
}

export function SignInView({ onSignedIn, isSessionExpired = false }: SignInViewProps) {
  const { t } = useI18n();
  useDocumentTitle(t('signIn.submit'));
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(input: LoginInput) {
    setIsSubmitting(true);
    setError(undefined);
    const result = await signIn(input);
    if (result.ok) {
      onSignedIn();
      return;
    }
    setIsSubmitting(false);
    setError(describeSignInFailure(t, result));
  }

  return (
    <div className="sign-in-page">
      <main className="sign-in-page__panel">
        <p className="sign-in-page__brand">{t('app.name')}</p>
        <SignInForm
          onSubmit={(input) => void submit(input)}
          isSubmitting={isSubmitting}
          error={error}
          notice={isSessionExpired ? t('signIn.sessionExpired') : undefined}
        />
      </main>
    </div>
  );
}
