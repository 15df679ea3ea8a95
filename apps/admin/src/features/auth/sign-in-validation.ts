/**
 * Client-side check of the sign-in form with the domain's own `loginInputSchema` (the schema the API
 * parses with), so the form refuses exactly what the API would. The schema decides what is valid;
 * this maps each refusal to a message key so the words come from the app's catalog.
 */
import { loginInputSchema } from '@switchyard/domain';
import type { LoginInput } from '@switchyard/domain';
import type { MessageKey } from '../../i18n/locales';

export type SignInField = 'email' | 'password';
export type SignInValues = Record<SignInField, string>;
export type SignInFieldErrors = Partial<Record<SignInField, MessageKey>>;

export type SignInValidation =
  { ok: true; input: LoginInput } | { ok: false; errors: SignInFieldErrors };

function messageFor(field: SignInField, values: SignInValues): MessageKey {
  if (field === 'email')
    return values.email.trim() === '' ? 'signIn.email.required' : 'signIn.email.invalid';
  return values.password === '' ? 'signIn.password.required' : 'signIn.password.tooLong';
}

export function validateSignIn(values: SignInValues): SignInValidation {
  const result = loginInputSchema.safeParse(values);
  if (result.success) return { ok: true, input: result.data };
  const errors: SignInFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field])
      errors[field] = messageFor(field, values);
  }
  return { ok: false, errors };
}
