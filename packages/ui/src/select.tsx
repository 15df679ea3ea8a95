/**
 * Select: a labelled native `<select>` (native for free keyboard and screen-reader support),
 * with the same description and error wiring as TextField.
 */
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './internal/class-names';
import { useFieldIds } from './internal/field-ids';

export interface SelectOption {
  value: string;
  label: string;
  isDisabled?: boolean;
}

export interface SelectProps extends Omit<ComponentPropsWithRef<'select'>, 'children'> {
  label: ReactNode;
  options: readonly SelectOption[];
  /** Text of a first, empty option (value `''`), e.g. "Any cloud". */
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
}

export function Select({
  label,
  options,
  placeholder,
  description,
  error,
  id,
  className,
  required,
  ...selectProps
}: SelectProps) {
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
      <select
        {...selectProps}
        id={ids.controlId}
        required={required}
        className="sy-field__control sy-field__control--select"
        aria-invalid={hasError || undefined}
        aria-describedby={ids.describedBy}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.isDisabled}>
            {option.label}
          </option>
        ))}
      </select>
      {hasError && (
        <p id={ids.errorId} className="sy-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
