/**
 * The one place mutation refusals become form errors. Every mutation answers `userErrors:
 * [{ code, message, field }]` (domain.md §9); `field` is the input path (`["input", "quantity"]`,
 * `["subscriptionIds", "0"]`). Errors on a field the form shows go under that field; the rest
 * (and transport failures) are shown for the whole form. Codes the catalog knows are translated;
 * others keep the API's sentence, which is written for a partner's staff.
 */
import type { CombinedError } from 'urql';
import { errorMessage } from '../i18n/error-message';
import type { I18n } from '../i18n/i18n';

export interface UserErrorData {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  /** Errors about the whole request, or about fields the form does not show. */
  form: string[];
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, form: [] };

export function hasErrors(errors: FormErrors<string>): boolean {
  return errors.form.length > 0 || Object.keys(errors.fields).length > 0;
}

/** The input path without the argument name: `["input", "quantity"]` → `["quantity"]`. */
export function fieldPath(field: readonly string[] | null | undefined): string[] {
  if (!field) return [];
  return field[0] === 'input' ? field.slice(1) : [...field];
}

/** Codes whose API message says more than a generic translation (which field, which value). */
const SPECIFIC_CODES = new Set(['VALIDATION_FAILED']);

export function userErrorMessage(t: I18n['t'], error: UserErrorData): string {
  if (SPECIFIC_CODES.has(error.code)) return error.message || t('form.failed');
  return errorMessage(t, error.code, error.message, 'form.failed');
}

/**
 * Maps `userErrors` onto the form's fields. `fields` lists the fields the form shows; a path
 * matches a field by its first segment (`subscriptionIds.0` → `subscriptionIds`) unless the
 * full dotted path is listed itself.
 */
export function mapUserErrors<Field extends string>(
  userErrors: readonly UserErrorData[],
  fields: readonly Field[],
  t: I18n['t'],
): FormErrors<Field> {
  const result: FormErrors<Field> = { fields: {}, form: [] };
  const known = new Set<string>(fields);
  for (const error of userErrors) {
    const path = fieldPath(error.field);
    const dotted = path.join('.');
    const key = known.has(dotted) ? dotted : known.has(path[0] ?? '') ? (path[0] ?? '') : undefined;
    const message = userErrorMessage(t, error);
    if (key !== undefined && key !== '') {
      const field = key as Field;
      result.fields[field] ??= message;
    } else {
      result.form.push(message);
    }
  }
  return result;
}

/** A request that failed before any `userErrors` (network, server, session) as a form error. */
export function transportErrors(error: CombinedError, t: I18n['t']): FormErrors<never> {
  const code = error.graphQLErrors[0]?.extensions.code;
  if (typeof code === 'string') {
    return {
      fields: {},
      form: [errorMessage(t, code, error.graphQLErrors[0]?.message, 'form.failed')],
    };
  }
  return { fields: {}, form: [t(error.networkError ? 'form.networkFailed' : 'form.failed')] };
}
