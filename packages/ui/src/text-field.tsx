/**
 * TextField: a labelled text input with an optional description and error, wired with
 * `aria-describedby` and `aria-invalid` so assistive technology reads all of it.
 */
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './internal/class-names';
import { useFieldIds } from './internal/field-ids';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'children'> {
  label: ReactNode;
  /** Help shown under the label, always visible. */
  description?: ReactNode;
  /** The field's error; when present the input is marked invalid. */
  error?: ReactNode;
}

export function TextField({
  label,
  description,
  error,
  id,
  className,
  required,
  type = 'text',
  ...inputProps
}: TextFieldProps) {
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const ids = useFieldIds({ id, hasDescription: description !== undefined, hasError });
  return (
    <div className={classNames('sy-field', hasError && 'sy-field--invalid', className)}>
      <label className="sy-field__label" htmlFor={ids.controlId}>
        {label}
        {required && (
          <span className="sy-field__required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {description !== undefined && (
        <p id={ids.descriptionId} className="sy-field__description">
          {description}
        </p>
      )}
      <input
        {...inputProps}
        id={ids.controlId}
        type={type}
        required={required}
        className="sy-field__control"
        aria-invalid={hasError || undefined}
        aria-describedby={ids.describedBy}
      />
      {hasError && (
        <p id={ids.errorId} className="sy-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
