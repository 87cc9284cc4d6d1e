import type { ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

interface WeakProtectionDialogProps {
  backend: string;
  onAccept: () => void;
  onDecline: () => void;
  busy: boolean;
}

/** Asks, in plain words, before a key is stored without a real OS keyring (Linux without one). */
export function WeakProtectionDialog({ backend, onAccept, onDecline, busy }: WeakProtectionDialogProps): ReactNode {
  return (
    <Dialog title="Store the key with weaker protection?" onClose={onDecline} role="alertdialog" className="dialog-narrow">
      <div className="dialog-body">
        <p>
          This computer has no password keyring the app can use (storage backend: <code>{backend || 'unknown'}</code>). The key can
          still be saved encrypted, but with a key built into the app, so anyone who can read your files could decrypt it.
        </p>
        <p>
          Because the key can only read balances, the risk is that someone sees your balances, not that they move your money.
          To get full protection instead, install and unlock a keyring (such as GNOME Keyring or KWallet), then add the key again.
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onDecline} disabled={busy}>
          Don’t save the key
        </button>
        <button type="button" className="button button-primary" onClick={onAccept} disabled={busy}>
          Save with weaker protection
        </button>
      </div>
    </Dialog>
  );
}
