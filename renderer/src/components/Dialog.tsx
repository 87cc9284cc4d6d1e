import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'alert' for confirmations that need an answer. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the rest inert, and Escape closes it.
 * Rendered only while open; focus returns to whatever had it before.
 */
export function Dialog({ title, onClose, children, role = 'dialog', className }: DialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog ref={ref} role={role === 'alertdialog' ? 'alertdialog' : undefined} aria-labelledby={titleId} aria-modal="true" className={`dialog${className ? ` ${className}` : ''}`}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}
