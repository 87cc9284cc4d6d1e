import { useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';
import { AddAccountForm } from './AddAccountForm.tsx';
import { KeyInstructions } from './KeyInstructions.tsx';

/** First run: add a read-only key, or open the offline demo account to look around first. */
export function Onboarding({ info }: { info: AppInfo | null }): ReactNode {
  const bridge = useBridge();
  const [demoError, setDemoError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const openDemo = async () => {
    setOpening(true);
    const result = await bridge.accounts.addDemo().catch(() => null);
    setOpening(false);
    if (result === null || !result.ok) setDemoError(result?.error.message ?? 'The demo account could not be opened.');
    // On success main announces the new account list and the balances view takes over.
  };
  const storageUsable = info?.storage.level !== 'unavailable';
  return (
    <main className="onboarding" aria-labelledby="welcome-title">
      <div className="onboarding-intro">
        <h2 id="welcome-title">Welcome</h2>
        <p>See all your Kraken balances in one calm window, refreshed on their own, with a glance from the tray.</p>
      </div>
      <div className="onboarding-options">
        <section className="card" aria-labelledby="add-key-title">
          <h3 id="add-key-title">Add your read-only API key</h3>
          <KeyInstructions />
          {storageUsable ? (
            <AddAccountForm onAdded={() => undefined} />
          ) : (
            <p className="error-message">This computer cannot encrypt the key, so it cannot be saved here. Try the demo instead.</p>
          )}
        </section>
        <section className="card card-demo" aria-labelledby="demo-title">
          <h3 id="demo-title">Or look around first</h3>
          <p>
            The demo account shows the sample balances from Kraken’s documentation, valued with sample prices. It runs entirely
            offline and needs no key. Remove it any time in Settings.
          </p>
          <button type="button" className="button" onClick={() => void openDemo()} disabled={opening}>
            Open the demo account
          </button>
          {demoError && (
            <p className="field-error" role="alert">
              {demoError}
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
