import { useState } from 'react';
import type { AccountSummary } from '../../../ipc/contract.ts';
import { ALL_ACCOUNTS } from '../components/ScopeTabs.tsx';
import { defaultScope } from '../model/scope-series.ts';

/**
 * The account tab shown: the one the user chose while it still exists, else "All accounts" when there are
 * several, else the only account. A removed account's tab thus falls back without an effect.
 */
export function useAccountScope(accounts: readonly AccountSummary[]): [scope: string, setScope: (scope: string) => void] {
  const [chosenScope, setScope] = useState<string | null>(null);
  const scopeExists = chosenScope !== null && (chosenScope === ALL_ACCOUNTS ? accounts.length > 1 : accounts.some((account) => account.id === chosenScope));
  return [scopeExists ? chosenScope : defaultScope(accounts), setScope];
}
