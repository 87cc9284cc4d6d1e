import os from 'node:os';
import { app } from 'electron';
import type { AccountBalances, AccountSummary, Settings, StorageProtection } from '../../ipc/contract.ts';
import { recentProblems, redact, scrubAmounts } from '../log.ts';
import { systemNumberLocale } from '../system-locale.ts';
import type { UpdateSummary } from '../update/update-service.ts';
import { diagnosticsText, type AccountFeed } from './diagnostics-text.ts';

/** What diagnostics reads; each a getter, so the text is built from the state at the moment of the copy. */
export interface DiagnosticsSources {
  accounts(): AccountSummary[];
  balances(): AccountBalances[];
  pausedReason(): 'suspended' | 'offline' | null;
  settings(): Settings;
  protection(): Promise<StorageProtection>;
  /** How an account's balances arrive: live over Kraken's WebSocket, or by timed refresh. */
  feedOf(accountId: string): AccountFeed;
  /** Host (and port) of the Kraken REST API in use. */
  apiHost(): string;
  updates(): UpdateSummary;
}

/** Help → Copy diagnostics: the current state as diagnostics-text.ts writes it. */
export async function collectDiagnostics(sources: DiagnosticsSources): Promise<string> {
  const protection = await sources.protection();
  const balances = new Map(sources.balances().map((entry) => [entry.accountId, entry]));
  const text = diagnosticsText({
    now: Date.now(),
    app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged },
    versions: process.versions,
    os: { platform: process.platform, release: os.release(), arch: process.arch, locale: systemNumberLocale().locale },
    protection,
    accounts: sources.accounts().map((account) => {
      const state = balances.get(account.id);
      return {
        demo: account.demo,
        status: state?.status ?? 'idle',
        feed: sources.feedOf(account.id),
        errorCode: state?.error?.code ?? null,
        fetchedAt: state?.fetchedAt ? Date.parse(state.fetchedAt) : null,
      };
    }),
    paused: sources.pausedReason(),
    refreshIntervalSec: sources.settings().refreshIntervalSec,
    apiHost: sources.apiHost(),
    updates: sources.updates(),
    problems: recentProblems(),
  });
  // Every part is free of secrets and amounts by construction; the logger's filters run once more anyway.
  return scrubAmounts(redact(text));
}
