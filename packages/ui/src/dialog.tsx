/**
 * Dialog: a modal on the native `<dialog>` element (`showModal()`): the browser traps focus, makes
 * the rest of the page inert and closes on Escape. The title names the dialog; the first field or
 * button gets focus. Closing (Escape, the close button, the backdrop) calls `onClose`.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';

export interface DialogProps {
  isOpen: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Accessible name of the close button, e.g. "Close". */
  closeLabel: string;
  children: ReactNode;
  /** Buttons at the bottom, e.g. Cancel and the action. */
  actions?: ReactNode;
  className?: string;
}

export function Dialog({
  isOpen,
  title,
  onClose,
  closeLabel,
  children,
  actions,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!isOpen && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      className={classNames('sy-dialog', className)}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {isOpen && (
        <div className="sy-dialog__content">
          <div className="sy-dialog__header">
            <h2 id={titleId} className="sy-dialog__title">
              {title}
            </h2>
            <button
              type="button"
              className="sy-dialog__close"
              aria-label={closeLabel}
              onClick={onClose}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <div className="sy-dialog__body">{children}</div>
          {actions !== undefined && <div className="sy-dialog__actions">{actions}</div>}
        </div>
      )}
    </dialog>
  );
}
