import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { AccountSummary } from '../../../ipc/contract.ts';
import { isMacPlatform, shortcutText } from '../shortcut-keys.ts';

export const ALL_ACCOUNTS = 'all';

interface ScopeTabsProps {
  accounts: readonly AccountSummary[];
  scope: string;
  onScope: (scope: string) => void;
  panelId: string;
}

/** The tabs in order: "All accounts" first when there is more than one account, then each account. */
export function scopeTabs(accounts: readonly AccountSummary[]): { id: string; label: string; demo: boolean }[] {
  return [
    ...(accounts.length > 1 ? [{ id: ALL_ACCOUNTS, label: 'All accounts', demo: false }] : []),
    ...accounts.map((account) => ({ id: account.id, label: account.label, demo: account.demo })),
  ];
}

/** "All accounts" and one tab per account; arrow keys move between tabs as in any tab list. */
export function ScopeTabs({ accounts, scope, onScope, panelId }: ScopeTabsProps): ReactNode {
  const listRef = useRef<HTMLDivElement>(null);
  const tabs = scopeTabs(accounts);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === scope);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : step === 0 ? -1 : (index + step + tabs.length) % tabs.length;
    const next = tabs[target];
    if (next === undefined) return;
    event.preventDefault();
    onScope(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-scope="${CSS.escape(next.id)}"]`)?.focus();
  };
  return (
    <div ref={listRef} role="tablist" aria-label="Accounts" className="scope-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          data-scope={tab.id}
          aria-selected={tab.id === scope}
          aria-controls={panelId}
          tabIndex={tab.id === scope ? 0 : -1}
          className="scope-tab"
          onClick={() => onScope(tab.id)}
          {...(index < 9 ? { 'aria-keyshortcuts': `${isMacPlatform() ? 'Meta' : 'Control'}+${index + 1}`, title: `${tab.label} (${shortcutText(`Mod+${index + 1}`)})` } : {})}
        >
          {tab.label}
          {tab.demo && <span className="demo-tag">Demo</span>}
        </button>
      ))}
    </div>
  );
}
