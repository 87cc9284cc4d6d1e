import { useState, type FormEvent, type ReactNode } from 'react';
import type { AccountSummary, IpcError } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';
import { clockTime } from '../../../shared/time.ts';

interface AccountsSectionProps {
  accounts: readonly AccountSummary[];
  locale: string;
  onAddAccount: () => void;
  onUpdateKey: (accountId: string) => void;
}

/** Enough of the key's hash to tell keys apart; the key itself is never in the renderer. */
function shortFingerprint(fingerprint: string): string {
  return fingerprint.replace(/^kraken:/, '').slice(0, 8);
}

function AccountItem({ account, locale, onUpdateKey }: { account: AccountSummary; locale: string; onUpdateKey: (accountId: string) => void }): ReactNode {
  const bridge = useBridge();
  const [mode, setMode] = useState<'view' | 'rename'>('view');
  const [error, setError] = useState<IpcError | null>(null);
  const [draft, setDraft] = useState(account.label);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const result = await bridge.accounts.rename({ id: account.id, label: draft });
    if (result.ok) {
      setMode('view');
      setError(null);
    } else {
      setError(result.error);
    }
  };
  // Main asks the user in a native dialog before removing a key's account (the demo goes at once), so there
  // is no confirmation here.
  const remove = async () => {
    const result = await bridge.accounts.remove(account.id);
    if (!result.ok) setError(result.error);
  };

  return (
    <li className="account-item">
      {mode === 'rename' ? (
        <form className="rename-form" onSubmit={(event) => void rename(event)}>
          <label className="visually-hidden" htmlFor={`rename-${account.id}`}>
            New name for {account.label}
          </label>
          <input id={`rename-${account.id}`} className="input" value={draft} maxLength={64} autoFocus aria-invalid={error !== null} onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button button-small button-primary">
            Save
          </button>
          <button type="button" className="button button-small" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="account-line">
          <span className="account-label">{account.label}</span>
          <span className="account-meta">
            {account.demo ? 'Demo, offline sample data' : `Key fingerprint ${shortFingerprint(account.keyFingerprint)}${account.hasOtp ? ', with 2FA password' : ''}`}
            {account.lastCheck && !account.lastCheck.ok && `, last check failed at ${clockTime(account.lastCheck.at, locale)}`}
          </span>
          <button type="button" className="button button-small" onClick={() => { setDraft(account.label); setMode('rename'); }}>
            Rename
          </button>
          {!account.demo && (
            <button type="button" className="button button-small" onClick={() => onUpdateKey(account.id)}>
              Update key…
            </button>
          )}
          <button type="button" className="button button-small button-danger" onClick={() => void remove()}>
            {account.demo ? 'Remove' : 'Remove…'}
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error.message} {error.hint}
        </p>
      )}
    </li>
  );
}

export function AccountsSection({ accounts, locale, onAddAccount, onUpdateKey }: AccountsSectionProps): ReactNode {
  const bridge = useBridge();
  const hasDemo = accounts.some((account) => account.demo);
  return (
    <section className="settings-section" aria-labelledby="settings-accounts">
      <h3 id="settings-accounts">Accounts</h3>
      <ul className="account-list">
        {accounts.map((account) => (
          <AccountItem key={account.id} account={account} locale={locale} onUpdateKey={onUpdateKey} />
        ))}
      </ul>
      <div className="section-actions">
        <button type="button" className="button" onClick={onAddAccount}>
          Add an API key…
        </button>
        {!hasDemo && (
          <button type="button" className="button" onClick={() => void bridge.accounts.addDemo()}>
            Add the demo account
          </button>
        )}
      </div>
    </section>
  );
}
