import { useState, type ReactNode } from 'react';
import type { AccountSummary } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';

/**
 * Offered once a real key is added beside the demo account: the demo's sample money is never counted
 * with real balances, and most people no longer need it. Removing it needs no confirmation: the demo can
 * be opened again at any time from Settings.
 */
export function DemoOffer({ demo, onClose }: { demo: AccountSummary; onClose: () => void }): ReactNode {
  const bridge = useBridge();
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    const result = await bridge.accounts.remove(demo.id).catch(() => null);
    if (result?.ok) onClose();
    else setProblem(result?.error.message ?? 'The demo account could not be removed.');
  };
  return (
    <div className="notice" role="status" data-testid="demo-offer">
      <p>
        Your key is added. The demo account’s sample money is never counted with your real balances. Remove the demo account? You can
        open it again from Settings at any time.
      </p>
      <button type="button" className="button button-small" onClick={() => void remove()}>
        Remove the demo account
      </button>
      <button type="button" className="button button-small" onClick={onClose}>
        Keep it
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
