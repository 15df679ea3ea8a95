/**
 * Pagination: previous / next for cursor-paged lists (Relay connections have no page numbers).
 * Buttons stay in place when unavailable (disabled) so the layout never shifts under the pointer.
 */
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';
import { Button } from './button';

export interface PaginationProps {
  /** Names the navigation landmark, e.g. "Customer list pages". */
  label: string;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
  previousLabel: string;
  nextLabel: string;
  /** Text beside the buttons, e.g. "312 customers". */
  summary?: ReactNode;
  /** Disables both buttons, e.g. while a page loads. */
  isDisabled?: boolean;
  className?: string;
}

export function Pagination({
  label,
  hasPreviousPage,
  hasNextPage,
  onPrevious,
  onNext,
  previousLabel,
  nextLabel,
  summary,
  isDisabled = false,
  className,
}: PaginationProps) {
  return (
    <nav aria-label={label} className={classNames('sy-pagination', className)}>
      {summary !== undefined && <p className="sy-pagination__summary">{summary}</p>}
      <div className="sy-pagination__buttons">
        <Button onClick={onPrevious} disabled={isDisabled || !hasPreviousPage}>
          <span aria-hidden="true">← </span>
          {previousLabel}
        </Button>
        <Button onClick={onNext} disabled={isDisabled || !hasNextPage}>
          {nextLabel}
          <span aria-hidden="true"> →</span>
        </Button>
      </div>
    </nav>
  );
}
