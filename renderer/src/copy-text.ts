/**
 * Puts text on the clipboard from a user gesture. execCommand('copy') with our own copy listener needs
 * no clipboard permission (main grants none), unlike navigator.clipboard.
 */
export function copyText(text: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  if (typeof document.execCommand !== 'function') return false;
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/** When a selection lies inside one amount cell, copy the exact amount rather than the trimmed text. */
export function exactAmountForSelection(selection: Selection | null): string | null {
  if (selection === null || selection.isCollapsed || selection.anchorNode === null) return null;
  const cellOf = (node: Node | null) => (node instanceof Element ? node : (node?.parentElement ?? null))?.closest('[data-exact]') ?? null;
  const anchorCell = cellOf(selection.anchorNode);
  if (anchorCell === null || anchorCell !== cellOf(selection.focusNode)) return null;
  return anchorCell.getAttribute('data-exact');
}
