/**
 * Checks a form's values with the domain's own input schema (the one the API parses with) before
 * sending, so the form refuses exactly what the API would. The schema decides what is valid; each
 * form names the message (a catalog key) to show under each field, so the words are translated.
 */
import type { z } from 'zod';
import type { MessageKey } from '../i18n/locales';
import type { I18n } from '../i18n/i18n';
import type { FormErrors } from './user-errors';

export type InputValidation<Output, Field extends string> =
  { ok: true; input: Output } | { ok: false; errors: FormErrors<Field> };

export function validateInput<Schema extends z.ZodType, Field extends string>(
  schema: Schema,
  values: unknown,
  messages: Record<Field, MessageKey>,
  t: I18n['t'],
): InputValidation<z.output<Schema>, Field> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, input: result.data };
  const errors: FormErrors<Field> = { fields: {}, form: [] };
  for (const issue of result.error.issues) {
    const first = issue.path[0];
    if (typeof first === 'string' && Object.hasOwn(messages, first)) {
      const field = first as Field;
      errors.fields[field] ??= t(messages[field]);
    } else {
      errors.form.push(issue.message);
    }
  }
  return { ok: false, errors };
}
