/**
 * Alert: a message about the page or a form. `danger` and `warning` interrupt (role="alert");
 * `info` and `success` are announced politely (role="status").
 */
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Actions shown under the message, e.g. a "Try again" button. */
  actions?: ReactNode;
  className?: string;
}

export function Alert({ tone = 'info', title, children, actions, className }: AlertProps) {
  const isUrgent = tone === 'danger' || tone === 'warning';
  return (
    <div
      role={isUrgent ? 'alert' : 'status'}
      className={classNames('sy-alert', `sy-alert--${tone}`, className)}
    >
      {title !== undefined && <p className="sy-alert__title">{title}</p>}
      {children !== undefined && <div className="sy-alert__body">{children}</div>}
      {actions !== undefined && <div className="sy-alert__actions">{actions}</div>}
    </div>
  );
}
