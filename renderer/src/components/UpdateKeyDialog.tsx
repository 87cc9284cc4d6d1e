import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AccountSummary, IpcError, IpcResult, UpdateKeyRequest } from '../../../ipc/contract.ts';
import { KRAKEN_API_SETTINGS } from '../../../shared/kraken-places.ts';
import { useBridge } from '../bridge.ts';
import { Dialog } from './Dialog.tsx';
import { emptyKeyFields, KeyFields, REQUIRED_KEY_FIELDS, type KeyFieldName } from './KeyFields.tsx';

const UNREACHABLE: IpcError = { code: 'bridge-unreachable', message: 'The app could not reach its main process.', hint: 'Try again; restart the app if it keeps happening.' };

const isKeyField = (name: string | undefined): name is KeyFieldName => name === 'apiKey' || name === 'apiSecret' || name === 'otp';

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
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [error, setError] = useState<IpcError | null>(null);
  const [missing, setMissing] = useState<readonly KeyFieldName[]>([]);
  const [busy, setBusy] = useState(false);

  const focusField = (field: string) => {
    const input = formRef.current?.elements.namedItem(field);
    if (input instanceof HTMLElement) input.focus();
  };

  const send = async () => {
    const form = formRef.current;
    if (form === null) return;
    const empty = emptyKeyFields(form);
    setMissing(empty);
    if (empty[0] !== undefined) {
      setError(null);
      focusField(empty[0]);
      return;
    }
    const data = new FormData(form);
    const text = (name: KeyFieldName) => String(data.get(name) ?? '');
    const request: UpdateKeyRequest = { id: account.id, apiKey: text('apiKey'), apiSecret: text('apiSecret'), ...(text('otp').trim() === '' ? {} : { otp: text('otp') }) };
    setBusy(true);
    setError(null);
    const result: IpcResult<AccountSummary> = await bridge.accounts.updateKey(request).catch(() => ({ ok: false, error: UNREACHABLE }) as const);
    setBusy(false);
    if (result.ok) {
      form.reset();
      onUpdated(result.value);
    } else {
      setError(result.error);
      if (isKeyField(result.error.field)) focusField(result.error.field);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const problem = (field: KeyFieldName): IpcError | null => {
    if (field !== 'otp' && missing.includes(field)) return { code: 'required', message: REQUIRED_KEY_FIELDS[field], field };
    return error?.field === field ? error : null;
  };
  const generalError = error !== null && !isKeyField(error.field) ? error : null;

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
