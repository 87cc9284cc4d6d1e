// The window's keyboard shortcuts written once: the sheet (`?`) lists them, buttons name them in their
// tooltips, and hooks/use-shortcuts.ts acts on them.

const isMac = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().startsWith('mac');

export function isMacPlatform(): boolean {
  return isMac;
}

/** "Mod+Shift+P" as this platform writes it: "Ctrl+Shift+P", or "⌘⇧P" on macOS. */
export function shortcutText(keys: string): string {
  if (!isMac) return keys.replace(/Mod/g, 'Ctrl');
  return keys.replace(/Mod\+?/g, '⌘').replace(/Shift\+?/g, '⇧').replace(/Alt\+?/g, '⌥');
}

export interface ShortcutEntry {
  /** As shortcutText reads it; several ways to do the same are separated by " or ". */
  readonly keys: string;
  readonly does: string;
}

export const SHORTCUTS: readonly { readonly area: string; readonly entries: readonly ShortcutEntry[] }[] = [
  {
    area: 'Anywhere in the window',
    entries: [
      { keys: 'R', does: 'Refresh the balances on screen' },
      { keys: 'P or Mod+Shift+P', does: 'Hide or show amounts (privacy mode)' },
      { keys: '/', does: 'Search assets' },
      { keys: 'Mod+1 … Mod+9', does: 'Show the first … ninth account tab' },
      { keys: 'Mod+,', does: 'Open Settings' },
      { keys: '?', does: 'Show these shortcuts' },
      { keys: 'Esc', does: 'Close a dialog, hide a tooltip, clear the search' },
    ],
  },
  {
    area: 'In the balances table',
    entries: [
      { keys: '↑ ↓ Page Up Page Down Home End', does: 'Move between balances' },
      { keys: 'Mod+C', does: 'Copy the exact amount of the focused balance' },
    ],
  },
];
