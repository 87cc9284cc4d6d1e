import type { ReactNode } from 'react';
import { Tooltip } from './Tooltip.tsx';
import { shortcutText } from '../shortcut-keys.ts';

interface TitleBarProps {
  version: string | null;
  privacy: boolean;
  showControls: boolean;
  onTogglePrivacy: () => void;
  onOpenSettings: () => void;
  onOpenShortcuts: () => void;
  /** The account tabs, in the same bar so the balances get the height. */
  children?: ReactNode;
}

/** One compact bar: the app's name, the account tabs, and the window-wide controls. */
export function TitleBar({ version, privacy, showControls, onTogglePrivacy, onOpenSettings, onOpenShortcuts, children }: TitleBarProps): ReactNode {
  // The button says what it does now: "Show amounts" while they are hidden.
  const privacyAction = privacy ? 'Show amounts' : 'Hide amounts';
  return (
    <header className="titlebar">
      <h1>Kraken Balances</h1>
      <span className="version" data-testid="app-version">
        {version ? `v${version}` : ''}
      </span>
      {children}
      <div className="titlebar-actions">
        {showControls && (
          <Tooltip text={`${privacyAction} (P or ${shortcutText('Mod+Shift+P')})`}>
            {(tipId) => (
              <button type="button" className="button" aria-describedby={tipId} onClick={onTogglePrivacy} data-testid="privacy-toggle" data-hidden={privacy}>
                <span aria-hidden="true">{privacy ? '◉ ' : '◎ '}</span>
                {privacyAction}
              </button>
            )}
          </Tooltip>
        )}
        {showControls && (
          <button type="button" className="button" onClick={onOpenSettings} title={`Settings (${shortcutText('Mod+,')})`}>
            Settings
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onOpenShortcuts}>
          ?
        </button>
      </div>
    </header>
  );
}
