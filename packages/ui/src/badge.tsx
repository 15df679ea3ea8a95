/**
 * Badge: a short status label (a subscription's status, a channel). The tone only adds colour;
 * the text alone must carry the meaning.
 */
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

export function Badge({ tone = 'neutral', children, className }: BadgeProps) {
  return <span className={classNames('sy-badge', `sy-badge--${tone}`, className)}>{children}</span>;
}
