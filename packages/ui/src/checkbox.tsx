/** Checkbox: a native checkbox with its label (and optional description) beside it. */
import { useId } from 'react';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './internal/class-names';

export interface CheckboxProps extends Omit<ComponentPropsWithRef<'input'>, 'type' | 'children'> {
  label: ReactNode;
  description?: ReactNode;
}

export function Checkbox({ label, description, id, className, ...inputProps }: CheckboxProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const descriptionId = description === undefined ? undefined : `${controlId}-description`;
  return (
    <div className={classNames('sy-check', className)}>
      <input
        {...inputProps}
        id={controlId}
        type="checkbox"
        className="sy-check__control"
        aria-describedby={descriptionId}
      />
      <label htmlFor={controlId} className="sy-check__label">
        {label}
        {description !== undefined && (
          <span id={descriptionId} className="sy-check__description">
            {description}
          </span>
        )}
      </label>
    </div>
  );
}
