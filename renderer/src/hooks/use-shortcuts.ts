import { useEffect, useRef } from 'react';

export interface Shortcuts {
  togglePrivacy: () => void;
  refresh: () => void;
  focusSearch: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Window-wide keys: P (or Ctrl/Cmd+Shift+P anywhere) hides amounts, R refreshes, / jumps to search.
 * Single letters are ignored while typing or while a dialog is open.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && key === 'p') {
        event.preventDefault();
        ref.current.togglePrivacy();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]') !== null) return;
      const action = key === 'p' ? ref.current.togglePrivacy : key === 'r' ? ref.current.refresh : key === '/' ? ref.current.focusSearch : null;
      if (action === null) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
