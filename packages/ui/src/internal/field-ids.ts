/**
 * The ids that tie a form control to its label, description and error, so screen readers
 * announce all three. Shared by TextField and Select.
 */
import { useId } from 'react';

export interface FieldIds {
  controlId: string;
  descriptionId: string | undefined;
  errorId: string | undefined;
  /** Value for the control's `aria-describedby`: the description, then the error. */
  describedBy: string | undefined;
}

export function useFieldIds(options: {
  id: string | undefined;
  hasDescription: boolean;
  hasError: boolean;
}): FieldIds {
  const generatedId = useId();
  const controlId = options.id ?? generatedId;
  const descriptionId = options.hasDescription ? `${controlId}-description` : undefined;
  const errorId = options.hasError ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, descriptionId, errorId, describedBy };
}
