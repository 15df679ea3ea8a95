/**
 * Button: the one clickable action. Defaults to `type="button"` so a button inside a form never
 * submits it by accident; `isLoading` keeps the label (no layout jump) and marks the button busy.
 */
import type { ComponentPropsWithRef } from 'react';
import { classNames } from './internal/class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  /** Shows a spinner, sets `aria-busy` and ignores clicks while an action runs. */
  isLoading?: boolean;
}

export function Button({
  variant = 'secondary',
  isLoading = false,
  type = 'button',
  className,
  disabled,
  onClick,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={classNames('sy-button', `sy-button--${variant}`, className)}
      disabled={disabled}
      aria-busy={isLoading || undefined}
      // Not `disabled` while loading: a disabled button loses focus, which strands keyboard users.
      aria-disabled={isLoading || undefined}
      onClick={isLoading ? (event) => event.preventDefault() : onClick}
    >
      {isLoading && <span className="sy-button__spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
