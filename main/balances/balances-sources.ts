import type { AccountCheck, AccountSummary, Portfolio, Settings } from '../../ipc/contract.ts';
import type { KrakenClient } from '../kraken/index.ts';

// What the balances service reads (accounts, their clients, settings) and what it announces after a refresh.

/** The vault's long-lived client per account (main/vault/account-clients.ts). */
export type ClientFor = (accountId: string) => Promise<KrakenClient>;

/** The accounts to keep fresh and how to reach Kraken for each. */
export interface AccountSource {
  list(): AccountSummary[];
  onChanged(listener: (accounts: AccountSummary[]) => void): () => void;
  clientFor: ClientFor;
  /** Whether the key worked at a refresh, or failed for a reason about the key (the account list shows it). */
  recordCheck(accountId: string, check: AccountCheck): void;
  /** An account's key was updated ("Update key"), announced just before the list change (Vault.onKeyReplaced). */
  onKeyReplaced?(listener: (accountId: string) => void): () => void;
}

export interface SettingsSource {
  get(): Settings;
  onChange(listener: (settings: Settings, changed: (keyof Settings)[]) => void): () => void;
}

/** One successful refresh, for history and change notifications. */
export interface RefreshedEvent {
  readonly account: AccountSummary;
  readonly portfolio: Portfolio;
  /** Epoch ms. */
  readonly at: number;
}
