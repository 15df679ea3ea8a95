/** TextArea: a labelled multi-line text input, wired like TextField. */
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './internal/class-names';
import { useFieldIds } from './internal/field-ids';

export interface TextAreaProps extends Omit<ComponentPropsWithRef<'textarea'>, 'children'> {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
}

export function TextArea({
  label,
  description,
  error,
  id,
  className,
  required,
  rows = 3,
  ...props
}: TextAreaProps) {
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
      <textarea
        {...props}
        id={ids.controlId}
        rows={rows}
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
