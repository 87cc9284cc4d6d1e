import type { ReactNode } from 'react';
import { Tooltip } from './Tooltip.tsx';

interface TitleBarProps {
  version: string | null;
  privacy: boolean;
  showControls: boolean;
  onTogglePrivacy: () => void;
  onOpenSettings: () => void;
}

const isMac = navigator.platform.toLowerCase().startsWith('mac');

export function TitleBar({ version, privacy, showControls, onTogglePrivacy, onOpenSettings }: TitleBarProps): ReactNode {
  return (
    <header className="titlebar">
      <h1>Kraken Balances</h1>
      <span className="version" data-testid="app-version">
        {version ? `v${version}` : ''}
      </span>
      {showControls && (
        <div className="titlebar-actions">
          <Tooltip text={`${privacy ? 'Show' : 'Hide'} amounts (P or ${isMac ? '⌘⇧P' : 'Ctrl+Shift+P'})`}>
            {(tipId) => (
              <button type="button" className="button" aria-pressed={privacy} aria-describedby={tipId} onClick={onTogglePrivacy}>
                <span aria-hidden="true">{privacy ? '◉ ' : '◎ '}</span>
                Hide amounts
              </button>
            )}
          </Tooltip>
          <button type="button" className="button" onClick={onOpenSettings}>
            Settings
          </button>
        </div>
      )}
    </header>
  );
}
