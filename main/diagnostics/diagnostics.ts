import os from 'node:os';
import { app } from 'electron';
import type { AccountBalances, AccountSummary, Settings, StorageProtection } from '../../ipc/contract.ts';
import { recentProblems, redact, scrubAmounts } from '../log.ts';
import { systemNumberLocale } from '../system-locale.ts';
import type { UpdateSummary } from '../update/update-service.ts';
import { diagnosticsText, type AccountFeed } from './diagnostics-text.ts';

/** The services diagnostics reads, at the moment of the copy. */
export interface DiagnosticsSources {
  readonly vault: { list(): AccountSummary[]; protection(): Promise<StorageProtection> };
  readonly balances: { list(): AccountBalances[]; pausedReason(): 'suspended' | 'offline' | null };
  readonly settings: { get(): Settings };
  readonly updates: { summary(): UpdateSummary };
  /** Host (and port) of the Kraken REST API in use. */
  readonly apiHost: string;
}

/** How an account's balances arrive: every account is refreshed on a timer until a live WebSocket feed exists (issue 14). */
const feedOf = (): AccountFeed => 'polling';

/** Help → Copy diagnostics: the current state as diagnostics-text.ts writes it. */
export async function collectDiagnostics(sources: DiagnosticsSources): Promise<string> {
  const protection = await sources.vault.protection();
  const balances = new Map(sources.balances.list().map((entry) => [entry.accountId, entry]));
  const text = diagnosticsText({
    now: Date.now(),
    app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged },
    versions: process.versions,
    os: { platform: process.platform, release: os.release(), arch: process.arch, locale: systemNumberLocale().locale },
    protection,
    accounts: sources.vault.list().map((account) => {
      const state = balances.get(account.id);
      return {
        demo: account.demo,
        status: state?.status ?? 'idle',
        feed: feedOf(),
        errorCode: state?.error?.code ?? null,
        fetchedAt: state?.fetchedAt ? Date.parse(state.fetchedAt) : null,
      };
    }),
    paused: sources.balances.pausedReason(),
    refreshIntervalSec: sources.settings.get().refreshIntervalSec,
    apiHost: sources.apiHost,
    updates: sources.updates.summary(),
    problems: recentProblems(),
  });
  // Every part is free of secrets and amounts by construction; the logger's filters run once more anyway.
  return scrubAmounts(redact(text));
}
