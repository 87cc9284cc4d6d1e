import { useEffect, useState } from 'react';
import type { AppInfo } from '../../ipc/contract.ts';
import { bridge } from './bridge.ts';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    bridge.app
      .getInfo()
      .then((result) => (result.ok ? setInfo(result.value) : setError(result.error.message)))
      .catch(() => setError('The app could not reach its main process.'));
  }, []);

  return (
    <div className="shell">
      <header className="titlebar">
        <h1>Kraken Balances</h1>
        <span className="version" data-testid="app-version">
          {info ? `v${info.version}` : ''}
        </span>
      </header>
      <main className="empty-state" aria-live="polite">
        <h2>No accounts yet</h2>
        <p>Add a read-only Kraken API key to see your balances here.</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </main>
    </div>
  );
}
