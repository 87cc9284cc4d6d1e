import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'alert' for confirmations that need an answer. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
}

// A read-only field (the account an "Update key" is for) is shown, not filled in: focus starts after it.
const FIELDS = 'input:not([type="hidden"]):not(:disabled):not([readonly]), select:not(:disabled), textarea:not(:disabled)';
const FOCUSABLE = `${FIELDS}, button:not(:disabled), [href], [tabindex]:not([tabindex="-1"])`;

/**
 * Where focus starts: the first field, else the first control after the title bar, else Close. (showModal
 * alone would pick the first focusable element, which is the Close button in the title bar.)
 */
function initialFocus(dialog: HTMLDialogElement): HTMLElement | null {
  const content = [...dialog.children].filter((child) => !child.classList.contains('dialog-head'));
  const first = (selector: string) => content.map((child) => child.querySelector<HTMLElement>(selector)).find((found) => found != null) ?? null;
  return first(FIELDS) ?? first(FOCUSABLE);
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the rest inert, and Escape closes it.
 * Rendered only while open; it opens with focus on its first field, and focus returns to whatever had
 * it before.
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
    initialFocus(dialog)?.focus();
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
