import { useEffect, useRef } from 'react';

export interface Shortcuts {
  togglePrivacy: () => void;
  refresh: () => void;
  focusSearch: () => void;
  openSettings: () => void;
  openShortcuts: () => void;
  /** 0-based position of the account tab to show. */
  selectTab: (index: number) => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** 1…9 from the digit row (event.code, so layouts whose digits need Shift work too), else null. */
function digit(event: KeyboardEvent): number | null {
  const match = /^Digit([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The action for a key pressed with Ctrl (Cmd on macOS), which works even while typing in a field. */
function withModifier(event: KeyboardEvent, shortcuts: Shortcuts, dialogOpen: boolean): (() => void) | null {
  const key = event.key.toLowerCase();
  if (event.shiftKey && key === 'p') return shortcuts.togglePrivacy;
  if (event.shiftKey || dialogOpen) return null;
  if (key === ',') return shortcuts.openSettings;
  const tab = digit(event);
  return tab === null ? null : () => shortcuts.selectTab(tab - 1);
}

/** The action for a single key: ignored while typing or while a dialog is open. */
function plainKey(event: KeyboardEvent, shortcuts: Shortcuts): (() => void) | null {
  if (event.key === '?') return shortcuts.openShortcuts;
  const key = event.key.toLowerCase();
  return key === 'p' ? shortcuts.togglePrivacy : key === 'r' ? shortcuts.refresh : key === '/' ? shortcuts.focusSearch : null;
}

/**
 * Window-wide keys (listed for the user in shortcut-keys.ts): P (or Ctrl/Cmd+Shift+P anywhere) hides
 * amounts, R refreshes, / jumps to search, ? lists the shortcuts, Ctrl/Cmd+, opens Settings and
 * Ctrl/Cmd+1…9 picks an account tab.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      let action: (() => void) | null;
      if (event.ctrlKey || event.metaKey) action = withModifier(event, ref.current, dialogOpen);
      else action = isTyping(event.target) || dialogOpen ? null : plainKey(event, ref.current);
      if (action === null) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
