/**
 * The sign-in form (presentational): email and password, checked with the domain's schema before
 * anything is sent. It owns what is typed, so a refused sign-in keeps the values; the container
 * does the request and passes back `error`.
 */
import { Alert, Button, TextField } from '@switchyard/ui';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { LoginInput } from '@switchyard/domain';
import { useI18n } from '../../../i18n/i18n';
import { validateSignIn } from '../sign-in-validation';
import type { SignInField, SignInFieldErrors, SignInValues } from '../sign-in-validation';

export interface SignInFormProps {
  onSubmit: (input: LoginInput) => void;
  isSubmitting: boolean;
  /** Why the last attempt failed, already in the user's language. */
  error?: string | undefined;
  /** Shown above the form, e.g. "Your session has ended." */
  notice?: string | undefined;
}

export function SignInForm({ onSubmit, isSubmitting, error, notice }: SignInFormProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<SignInFieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  function change(field: SignInField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // Once a field shows an error, re-check it as the user types so the error clears when fixed.
    if (fieldErrors[field]) {
      const validation = validateSignIn(next);
      setFieldErrors((current) => ({
        ...current,
        [field]: validation.ok ? undefined : validation.errors[field],
      }));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    const validation = validateSignIn(values);
    if (!validation.ok) {
      setFieldErrors(validation.errors);
      (validation.errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    onSubmit(validation.input);
  }

  return (
    <form className="sign-in-form" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h1 id={titleId} className="sign-in-form__title">
        {t('signIn.title')}
      </h1>
      <p className="sign-in-form__intro">{t('signIn.intro')}</p>
      {notice !== undefined && error === undefined && <Alert tone="info">{notice}</Alert>}
      {error !== undefined && (
        <Alert tone="danger" title={t('signIn.failed')}>
          {error}
        </Alert>
      )}
      <TextField
        ref={emailRef}
        label={t('signIn.email')}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        value={values.email}
        error={fieldErrors.email && t(fieldErrors.email)}
        onChange={(event) => change('email', event.target.value)}
      />
      <TextField
        ref={passwordRef}
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={values.password}
        error={fieldErrors.password && t(fieldErrors.password)}
        onChange={(event) => change('password', event.target.value)}
      />
      <Button type="submit" variant="primary" isLoading={isSubmitting}>
        {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </form>
  );
}
