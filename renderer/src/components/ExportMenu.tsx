import { useRef, useState, type ReactNode } from 'react';
import type { ExportRequest } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';

interface ExportMenuProps {
  /** The account in view; all accounts when undefined. */
  accountId: string | undefined;
}

const ROWS: Record<ExportRequest['kind'], string> = { balances: 'balance', history: 'history line' };

/**
 * Export to CSV: main asks first in privacy mode, shows the system's save dialog and writes the file;
 * the outcome is said here in words (saved where, nothing saved, or why not).
 */
export function ExportMenu({ accountId }: ExportMenuProps): ReactNode {
  const bridge = useBridge();
  const menuRef = useRef<HTMLDetailsElement>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (kind: ExportRequest['kind']) => {
    if (menuRef.current) menuRef.current.open = false;
    setBusy(true);
    setStatus('');
    const result = await bridge.export.csv({ kind, ...(accountId === undefined ? {} : { accountId }) });
    setBusy(false);
    if (!result.ok) setStatus(`${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`);
    else if (result.value.saved) setStatus(`Saved ${result.value.rows} ${ROWS[kind]}${result.value.rows === 1 ? '' : 's'} to ${result.value.fileName}.`);
    else setStatus('Nothing was exported.');
  };
  return (
    <div className="export">
      <details ref={menuRef} className="export-menu">
        <summary className="button button-small" aria-disabled={busy}>
          Export
        </summary>
        <div className="export-items">
          <button type="button" className="button button-small" disabled={busy} onClick={() => void run('balances')}>
            Balances as CSV…
          </button>
          <button type="button" className="button button-small" disabled={busy} onClick={() => void run('history')}>
            History as CSV…
          </button>
        </div>
      </details>
      <span className="export-status" role="status" data-testid="export-status">
        {status}
      </span>
    </div>
  );
}
