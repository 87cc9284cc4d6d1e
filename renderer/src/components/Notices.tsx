import { useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../ipc/contract.ts';

/** Start-up notices (dismissible) and a standing note when keys are not protected by an OS keyring. */
export function Notices({ info }: { info: AppInfo | null }): ReactNode {
  const [dismissed, setDismissed] = useState<readonly string[]>([]);
  if (info === null) return null;
  const notices = info.startupNotices.filter((notice) => !dismissed.includes(notice));
  const storage = info.storage;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice} className="notice" role="status">
          <p>{notice}</p>
          <button type="button" className="button button-small" onClick={() => setDismissed((list) => [...list, notice])}>
            Dismiss
          </button>
        </div>
      ))}
      {storage.level === 'unavailable' && (
        <div className="notice notice-warning" role="status">
          <p>This computer cannot encrypt data for the app, so API keys cannot be saved. The demo account still works.</p>
        </div>
      )}
    </div>
  );
}
