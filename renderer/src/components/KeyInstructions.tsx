import type { ReactNode } from 'react';
import { KRAKEN_API_SETTINGS } from '../../../shared/kraken-places.ts';
import { useBridge } from '../bridge.ts';

/** How to make a read-only key on Kraken, and why nothing more is needed. */
export function KeyInstructions(): ReactNode {
  const bridge = useBridge();
  return (
    <div className="key-instructions">
      <ol>
        <li>
          On kraken.com, open <strong>{KRAKEN_API_SETTINGS}</strong> and create a new API key.
        </li>
        <li>
          Under <strong>Funds permissions</strong>, tick only <strong>Query</strong>. Leave every trading, deposit and withdrawal box empty.
        </li>
        <li>
          Optional: under <strong>WebSocket interface</strong>, choose <strong>On</strong> for live updates. Without it,
          balances refresh on the interval you choose instead.
        </li>
        <li>Copy the API key and the private key into the form.</li>
      </ol>
      <p className="why">
        <strong>Why only Query?</strong> This app only reads your balances. A key that cannot trade, deposit or withdraw
        cannot move your money, even if it ever leaked.
      </p>
      <button type="button" className="link-button" onClick={() => void bridge.help.open('create-api-key')}>
        How to create an API key (Kraken support, opens in your browser)
      </button>
    </div>
  );
}
