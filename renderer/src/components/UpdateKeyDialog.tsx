import type { ReactNode } from 'react';
import type { AccountSummary, UpdateKeyRequest } from '../../../ipc/contract.ts';
import { KRAKEN_API_SETTINGS } from '../../../shared/kraken-places.ts';
import { useBridge } from '../bridge.ts';
import { useKeyForm } from '../hooks/use-key-form.ts';
import { Dialog } from './Dialog.tsx';
import { keyInputFrom, KeyFields, REQUIRED_KEY_FIELDS, type KeyFieldName } from './KeyFields.tsx';

const KEY_FIELDS: readonly KeyFieldName[] = ['apiKey', 'apiSecret', 'otp'];

interface UpdateKeyDialogProps {
  account: AccountSummary;
  onUpdated: (account: AccountSummary) => void;
  onClose: () => void;
}

/**
 * "Update key": a new API key, private key and 2FA password for a saved account, which keeps its name and
 * history. Main checks the key with Kraken before it replaces the saved one, so a refused key changes
 * nothing. As in "Add account", the secret is read from the form once, at submit, and never kept here;
 * where only weak protection exists, main asks in a native dialog (a "no" comes back as an error).
 */
export function UpdateKeyDialog({ account, onUpdated, onClose }: UpdateKeyDialogProps): ReactNode {
  const bridge = useBridge();
  const form = useKeyForm(KEY_FIELDS, REQUIRED_KEY_FIELDS);
  const { formRef, id, busy, error, generalError, problem } = form;

  const onSubmit = form.submitWith((text) => {
    const request: UpdateKeyRequest = { id: account.id, ...keyInputFrom(text) };
    return bridge.accounts.updateKey(request);
  }, onUpdated);

  return (
    <Dialog title="Update key" onClose={onClose} className="dialog-narrow">
      <form ref={formRef} onSubmit={onSubmit} aria-describedby={`${id}-about`} noValidate>
        <div className="dialog-body">
          <p id={`${id}-about`}>
            Kraken checks the new key before it replaces the saved one; the account keeps its name and history. Keys are on kraken.com
            under <strong>{KRAKEN_API_SETTINGS}</strong> (Funds permissions: Query is all it needs).
          </p>
          {error !== null && (
            <div className="error-notice" role="alert">
              {generalError && <p className="error-message">{generalError.message}</p>}
              {generalError?.hint && <p className="error-hint">{generalError.hint}</p>}
              <p className="error-hint">The saved key was not changed.</p>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-label`}>Account</label>
            <input id={`${id}-label`} className="input" value={account.label} readOnly aria-readonly="true" />
          </div>
          <KeyFields idPrefix={id} problem={problem} />
        </div>
        <div className="dialog-actions dialog-actions-pinned">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Checking the key with Kraken…' : 'Update key'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
