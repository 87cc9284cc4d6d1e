import type { ReactNode } from 'react';
import type { IpcError, KeyInput } from '../../../ipc/contract.ts';

// The API key, private key and 2FA password fields, shared by "Add account" and "Update key", and what an
// empty form says. The inputs are uncontrolled: a form reads the secret once, at submit, never into state.

export type KeyFieldName = 'apiKey' | 'apiSecret' | 'otp';

/** What an empty required field says; all of them at once, so one submit shows everything missing. */
export const REQUIRED_KEY_FIELDS: Readonly<Record<'apiKey' | 'apiSecret', string>> = { apiKey: 'Enter the API key.', apiSecret: 'Enter the private key.' };

/** The key as entered, for main: the 2FA password only when one was typed. */
export function keyInputFrom(text: (field: KeyFieldName) => string): KeyInput {
  const otp = text('otp');
  return { apiKey: text('apiKey'), apiSecret: text('apiSecret'), ...(otp.trim() === '' ? {} : { otp }) };
}

/** The ids a field's aria-describedby names: its help text, if any, and its error while it has one. */
export function describedBy(idPrefix: string, field: string, hasHelp: boolean, hasError: boolean): string | undefined {
  const ids = [hasHelp ? `${idPrefix}-${field}-help` : '', hasError ? `${idPrefix}-${field}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** A field's error under it, read out as it appears. */
export function FieldProblem({ idPrefix, field, problem }: { idPrefix: string; field: string; problem: IpcError | null }): ReactNode {
  if (problem === null) return null;
  return (
    <p id={`${idPrefix}-${field}-error`} className="field-error" role="alert">
      {problem.message}
      {problem.hint && <span className="field-error-hint"> {problem.hint}</span>}
    </p>
  );
}

interface KeyFieldsProps {
  /** Prefix of the inputs' ids (useId of the form). */
  idPrefix: string;
  /** The error a field shows now, or null. */
  problem: (field: KeyFieldName) => IpcError | null;
  autoFocus?: boolean;
}

export function KeyFields({ idPrefix, problem, autoFocus = false }: KeyFieldsProps): ReactNode {
  const field = (name: KeyFieldName, hasHelp = false) => ({
    id: `${idPrefix}-${name}`,
    name,
    autoComplete: 'off',
    'aria-invalid': problem(name) !== null,
    'aria-describedby': describedBy(idPrefix, name, hasHelp, problem(name) !== null),
  });
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-apiKey`}>API key</label>
        <input {...field('apiKey')} className="input input-mono" spellCheck={false} required autoFocus={autoFocus} />
        <FieldProblem idPrefix={idPrefix} field="apiKey" problem={problem('apiKey')} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-apiSecret`}>Private key</label>
        <input {...field('apiSecret', true)} type="password" className="input input-mono" spellCheck={false} required />
        <p id={`${idPrefix}-apiSecret-help`} className="field-help">
          Encrypted by your operating system and kept in the app’s main process; this window never sees it again.
        </p>
        <FieldProblem idPrefix={idPrefix} field="apiSecret" problem={problem('apiSecret')} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-otp`}>2FA password (optional)</label>
        <input {...field('otp', true)} type="password" className="input" />
        <p id={`${idPrefix}-otp-help`} className="field-help">
          Only if you set a two-factor password on this API key itself.
        </p>
        <FieldProblem idPrefix={idPrefix} field="otp" problem={problem('otp')} />
      </div>
    </>
  );
}
