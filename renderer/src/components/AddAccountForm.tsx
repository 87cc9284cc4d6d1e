import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AccountSummary, AddAccountRequest, IpcError, IpcResult } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';
import { describedBy, FieldProblem, KeyFields, REQUIRED_KEY_FIELDS } from './KeyFields.tsx';

const UNREACHABLE: IpcError = { code: 'bridge-unreachable', message: 'The app could not reach its main process.', hint: 'Try again; restart the app if it keeps happening.' };

type FieldName = 'label' | 'apiKey' | 'apiSecret' | 'otp';
const FIELDS: readonly FieldName[] = ['label', 'apiKey', 'apiSecret', 'otp'];

/** What an empty required field says; all of them at once, so one submit shows everything missing. */
const REQUIRED: Readonly<Partial<Record<FieldName, string>>> = REQUIRED_KEY_FIELDS;

function isField(name: string | undefined): name is FieldName {
  return (FIELDS as readonly (string | undefined)[]).includes(name);
}

interface AddAccountFormProps {
  onAdded: (account: AccountSummary) => void;
  autoFocus?: boolean;
}

/**
 * Label, API key, private key and optional 2FA password. The inputs are uncontrolled: the secret is read
 * from the form once, at submit, and never held in React state; the form is cleared after a success.
 * Where only weak protection exists, main asks in a native dialog before storing (the page has no say);
 * a "no" there comes back as an error, with the entries kept.
 */
export function AddAccountForm({ onAdded, autoFocus = false }: AddAccountFormProps): ReactNode {
  const bridge = useBridge();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [error, setError] = useState<IpcError | null>(null);
  const [missing, setMissing] = useState<readonly FieldName[]>([]);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const form = formRef.current;
    if (form === null) return;
    const data = new FormData(form);
    const text = (name: FieldName) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const empty = FIELDS.filter((field) => REQUIRED[field] !== undefined && text(field).trim() === '');
    setMissing(empty);
    if (empty.length > 0) {
      setError(null);
      const first = form.elements.namedItem(empty[0] ?? '');
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    const otp = text('otp');
    const request: AddAccountRequest = {
      label: text('label'),
      apiKey: text('apiKey'),
      apiSecret: text('apiSecret'),
      ...(otp.trim() === '' ? {} : { otp }),
    };
    setBusy(true);
    setError(null);
    const result: IpcResult<AccountSummary> = await bridge.accounts.add(request).catch(() => ({ ok: false, error: UNREACHABLE }) as const);
    setBusy(false);
    if (result.ok) {
      form.reset();
      onAdded(result.value);
      return;
    }
    setError(result.error);
    const invalid = isField(result.error.field) ? form.elements.namedItem(result.error.field) : null;
    if (invalid instanceof HTMLElement) invalid.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const fieldError = (field: FieldName): IpcError | null => {
    const required = REQUIRED[field];
    if (required !== undefined && missing.includes(field)) return { code: 'required', message: required, field };
    return error?.field === field ? error : null;
  };
  const generalError = error !== null && !isField(error.field) ? error : null;

  return (
    <>
      <form ref={formRef} className="add-account-form" onSubmit={onSubmit} aria-describedby={generalError ? `${id}-error` : undefined} noValidate>
        {generalError && (
          <div id={`${id}-error`} className="error-notice" role="alert">
            <p className="error-message">{generalError.message}</p>
            {generalError.hint && <p className="error-hint">{generalError.hint}</p>}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-label`}>Name</label>
          <input id={`${id}-label`} name="label" className="input" placeholder="e.g. Main account" autoComplete="off" maxLength={64} aria-invalid={fieldError('label') !== null} aria-describedby={describedBy(id, 'label', false, fieldError('label') !== null)} autoFocus={autoFocus} />
          <FieldProblem idPrefix={id} field="label" problem={fieldError('label')} />
        </div>
        <KeyFields idPrefix={id} problem={fieldError} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Checking the key with Kraken…' : 'Add account'}
          </button>
        </div>
      </form>
    </>
  );
}
