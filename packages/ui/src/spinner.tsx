/**
 * Spinner: shows that something is loading. The label is announced politely; the animation is
 * decorative and stops for people who ask for reduced motion (see styles.css).
 */
import { classNames } from './internal/class-names';

export interface SpinnerProps {
  /** What is loading, e.g. "Loading customers"; announced to screen readers. */
  label: string;
  /** Shows the label next to the spinner instead of only to screen readers. */
  isLabelVisible?: boolean;
  size?: 'small' | 'medium';
  className?: string;
}

export function Spinner({
  label,
  isLabelVisible = false,
  size = 'medium',
  className,
}: SpinnerProps) {
  return (
    <span role="status" className={classNames('sy-spinner', `sy-spinner--${size}`, className)}>
      <span className="sy-spinner__circle" aria-hidden="true" />
      <span className={isLabelVisible ? 'sy-spinner__label' : 'sy-visually-hidden'}>{label}</span>
    </span>
  );
}
