import { useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../ipc/contract.ts';

/**
 * Start-up notices and balance-change notifications the OS would not show (both dismissible), and a standing
 * note when keys cannot be protected by the OS.
 */
export function Notices({ info }: { info: AppInfo | null }): ReactNode {
  const [dismissed, setDismissed] = useState<readonly string[]>([]);
  if (info === null) return null;
  const missed = (info.notificationFailure?.missed ?? []).map((note) => `${note.title}. ${note.body}`);
  const notices = [...info.startupNotices, ...missed].filter((notice) => !dismissed.includes(notice));
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
