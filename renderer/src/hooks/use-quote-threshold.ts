import { useState } from 'react';
import type { AccountBalances, IpcResult, Settings } from '../../../ipc/contract.ts';
import { thresholdForQuote, type ThresholdChange } from '../model/threshold.ts';

export interface QuoteThreshold {
  /** What a quote change did to "Hide balances under", until the user sets it again or dismisses it. */
  readonly thresholdChange: ThresholdChange | null;
  readonly dismissThresholdChange: () => void;
  /** Saves settings; a new quote currency converts (or clears) "Hide balances under" in the same save. */
  readonly updateSettings: (patch: Partial<Settings>) => Promise<IpcResult<Settings>>;
}

export function useQuoteThreshold(
  settings: Settings | null,
  balances: readonly AccountBalances[],
  save: (patch: Partial<Settings>) => Promise<IpcResult<Settings>>,
): QuoteThreshold {
  const [thresholdChange, setThresholdChange] = useState<ThresholdChange | null>(null);
  const updateSettings = (patch: Partial<Settings>): Promise<IpcResult<Settings>> => {
    if (settings !== null && patch.quoteCurrency !== undefined && patch.hideSmallBelow === undefined) {
      const change = thresholdForQuote(settings.hideSmallBelow, settings.quoteCurrency, patch.quoteCurrency, balances);
      if (change.kind !== 'unchanged') {
        setThresholdChange(change);
        return save({ ...patch, hideSmallBelow: change.kind === 'converted' ? change.value : '0' });
      }
    }
    if (patch.hideSmallBelow !== undefined) setThresholdChange(null);
    return save(patch);
  };
  return { thresholdChange, dismissThresholdChange: () => setThresholdChange(null), updateSettings };
}
