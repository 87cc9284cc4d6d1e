import { useState, type ReactNode } from 'react';
import type { IpcResult, WeakConsentWithdrawal, WeakProtectionConsent } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';

function outcomeText(result: IpcResult<WeakConsentWithdrawal>): string {
  if (!result.ok) return result.error.message;
  const { withdrawn, removed, resealed } = result.value;
  if (!withdrawn) return 'Nothing changed: the consent stays.';
  const parts = [
    removed > 0 ? `${removed === 1 ? 'one key was' : `${removed} keys were`} deleted from this computer` : '',
    resealed > 0 ? `${resealed === 1 ? 'one key was' : `${resealed} keys were`} sealed again by the keyring` : '',
  ].filter(Boolean);
  return `Consent withdrawn${parts.length > 0 ? `: ${parts.join(', ')}` : ''}. Adding a key will ask again.`;
}

/**
 * The stored consent to weak protection, and its withdrawal. The button only asks main: main says what will
 * happen to the keys in a native dialog, and acts on the answer given there.
 */
export function WeakConsent({ consent, locale }: { consent: WeakProtectionConsent | null; locale: string }): ReactNode {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<IpcResult<WeakConsentWithdrawal> | null>(null);
  const withdraw = async () => {
    setBusy(true);
    const result = await bridge.storage.withdrawWeakProtection().catch(
      (): IpcResult<WeakConsentWithdrawal> => ({ ok: false, error: { code: 'bridge-unreachable', message: 'The app could not reach its main process.' } }),
    );
    setBusy(false);
    setOutcome(result);
  };
  // Mounted whatever the consent, so the outcome stays on screen when main's change re-reads the consent as gone.
  if (consent === null && outcome === null) return null;
  return (
    <div className="weak-consent" data-testid="weak-consent">
      {consent !== null && (
        <p>
          You consented to weaker protection ({consent.backend}) on {new Date(consent.acceptedAt).toLocaleDateString(locale, { dateStyle: 'medium' })}.{' '}
          <button type="button" className="button button-small" disabled={busy} onClick={() => void withdraw()}>
            Withdraw consent…
          </button>
        </p>
      )}
      {outcome && <p role="status">{outcomeText(outcome)}</p>}
    </div>
  );
}
