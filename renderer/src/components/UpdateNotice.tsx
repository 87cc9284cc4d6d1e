import { useState, type ReactNode } from 'react';
import type { IpcError, KrakenBridge, UpdateState } from '../../../ipc/contract.ts';

/**
 * "Restart to update", once a new version is downloaded and verified (the tray offers the same). Checking
 * and downloading happen quietly: nothing shows before the update is ready. Release notes are plain text.
 */
export function UpdateNotice({ update, bridge }: { update: UpdateState; bridge: KrakenBridge }): ReactNode {
  const [error, setError] = useState<IpcError | null>(null);
  if (update.status !== 'ready') return null;
  const install = () => void bridge.update.install().then((result) => setError(result.ok ? null : result.error));
  return (
    <div className="notice notice-update" role="status" aria-label="Update ready">
      <div className="notice-text">
        <p>Version {update.version} is ready to install.</p>
        {update.releaseNotes !== '' && (
          <details className="release-notes">
            <summary>What’s new</summary>
            <p className="release-notes-text">{update.releaseNotes}</p>
          </details>
        )}
        {error && <p className="error-message">{error.message}</p>}
      </div>
      <button type="button" className="button button-small button-primary" onClick={install}>
        Restart to update
      </button>
    </div>
  );
}
