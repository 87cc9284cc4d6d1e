import type { ReactNode } from 'react';
import type { AccountSummary, AddAccountRequest } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';
import { useKeyForm } from '../hooks/use-key-form.ts';
import { describedBy, FieldProblem, keyInputFrom, KeyFields, REQUIRED_KEY_FIELDS } from './KeyFields.tsx';

type FieldName = 'label' | 'apiKey' | 'apiSecret' | 'otp';
const FIELDS: readonly FieldName[] = ['label', 'apiKey', 'apiSecret', 'otp'];

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
  const form = useKeyForm(FIELDS, REQUIRED_KEY_FIELDS);
  const { formRef, id, busy, generalError, problem: fieldError } = form;

  const onSubmit = form.submitWith((text) => {
    const request: AddAccountRequest = { label: text('label'), ...keyInputFrom(text) };
    return bridge.accounts.add(request);
  }, onAdded);

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
