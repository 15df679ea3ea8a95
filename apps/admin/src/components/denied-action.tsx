/** An action the role may not take: a disabled button with the reason beside it (not only a tooltip). */
import { Button } from '@switchyard/ui';
import { useId } from 'react';
import type { ReactNode } from 'react';

export function ActionButton({
  label,
  onClick,
  isAllowed,
  reason,
  variant = 'secondary',
}: {
  label: ReactNode;
  onClick: () => void;
  isAllowed: boolean;
  reason: string | undefined;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}) {
  const reasonId = useId();
  if (isAllowed) {
    return (
      <Button variant={variant} onClick={onClick}>
        {label}
      </Button>
    );
  }
  return (
    <span className="action-denied">
      <Button variant={variant} disabled aria-describedby={reasonId}>
        {label}
      </Button>
      <span id={reasonId} className="action-denied__reason">
        {reason}
      </span>
    </span>
  );
}
