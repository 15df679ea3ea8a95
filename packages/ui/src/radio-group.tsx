/**
 * RadioGroup: a `<fieldset>` of native radio buttons; the legend names the choice, each option
 * may carry a description, and an error is announced with the group.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  isDisabled?: boolean;
}

export interface RadioGroupProps {
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  value: string | undefined;
  onChange: (value: string) => void;
  error?: ReactNode;
  className?: string;
}

export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  className,
}: RadioGroupProps) {
  const baseId = useId();
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const errorId = `${baseId}-error`;
  return (
    <fieldset
      className={classNames('sy-radio-group', hasError && 'sy-field--invalid', className)}
      aria-describedby={hasError ? errorId : undefined}
    >
      <legend className="sy-field__label">{legend}</legend>
      {options.map((option, index) => {
        const id = `${baseId}-${index}`;
        const descriptionId = option.description === undefined ? undefined : `${id}-description`;
        return (
          <div key={option.value} className="sy-check">
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={option.isDisabled}
              onChange={() => onChange(option.value)}
              className="sy-check__control"
              aria-describedby={descriptionId}
            />
            <label htmlFor={id} className="sy-check__label">
              {option.label}
              {option.description !== undefined && (
                <span id={descriptionId} className="sy-check__description">
                  {option.description}
                </span>
              )}
            </label>
          </div>
        );
      })}
      {hasError && (
        <p id={errorId} className="sy-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
