/**
 * Runs a mutation for a form and hands back its refusals already mapped onto the form's fields
 * (`mapUserErrors`), so every form treats `userErrors`, GraphQL errors and network failures alike.
 */
import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import type { AnyVariables, DocumentInput } from 'urql';
import { useI18n } from '../i18n/i18n';
import { mapUserErrors, NO_ERRORS, transportErrors } from './user-errors';
import type { FormErrors, UserErrorData } from './user-errors';

export type FormMutationResult<Data> =
  { ok: true; data: Data } | { ok: false; data: Data | undefined };

export function useFormMutation<Data, Variables extends AnyVariables, Field extends string>(
  document: DocumentInput<Data, Variables>,
  fields: readonly Field[],
  /** Where the payload's `userErrors` are, e.g. `(data) => data.customerCreate.userErrors`. */
  userErrorsOf: (data: Data) => readonly UserErrorData[],
) {
  const { t } = useI18n();
  const [{ fetching }, execute] = useMutation<Data, Variables>(document);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  const run = useCallback(
    async (variables: Variables): Promise<FormMutationResult<Data>> => {
      setErrors(NO_ERRORS);
      const result = await execute(variables);
      if (result.error && !result.data) {
        setErrors(transportErrors(result.error, t));
        return { ok: false, data: undefined };
      }
      const data = result.data as Data;
      const userErrors = userErrorsOf(data);
      if (userErrors.length > 0) {
        setErrors(mapUserErrors(userErrors, fields, t));
        return { ok: false, data };
      }
      return { ok: true, data };
    },
    // `fields` and `userErrorsOf` are constant per form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [execute, t],
  );

  return { run, isRunning: fetching, errors, setErrors };
}
