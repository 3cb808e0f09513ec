/**
 * A modal dialog built on the native <dialog>: the browser keeps focus inside it, closes it
 * on Escape and returns focus to where it was.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the person presses Escape or a close button. */
  onClose(): void;
  children: ReactNode;
  /** Wider dialog, for side-by-side text. */
  wide?: boolean;
  /** Short text under the title, read out when the dialog opens. */
  description?: ReactNode;
}

/** Modal dialog with a heading that names it. */
export function Dialog({ open, title, onClose, children, wide, description }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="dialog__description">
              {description}
            </div>
          )}
          {children}
        </>
      )}
    </dialog>
  );
}
