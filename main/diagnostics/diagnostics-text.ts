import type { RefreshStatus, StorageProtection } from '../../ipc/contract.ts';
import type { LoggedProblem } from '../log.ts';
import type { UpdateSummary } from '../update/update-service.ts';

/** How an account's balances reach the app: pushed over Kraken's WebSocket, or refreshed on a timer. */
export type AccountFeed = 'live' | 'polling';

/** One account as diagnostics describes it: never its label, key, fingerprint or any amount. */
export interface AccountDiagnostics {
  readonly demo: boolean;
  readonly status: RefreshStatus;
  readonly feed: AccountFeed;
  /** The code of the last refresh error (e.g. 'invalid-key'), not its message. */
  readonly errorCode: string | null;
  /** Epoch ms of the last good refresh. */
  readonly fetchedAt: number | null;
}

export interface DiagnosticsInput {
  /** Epoch ms. */
  readonly now: number;
  readonly app: { readonly name: string; readonly version: string; readonly packaged: boolean };
  /** process.versions: electron, chrome, node (absent ones are written as "?"). */
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string; readonly locale: string };
  readonly protection: Pick<StorageProtection, 'backend' | 'level'>;
  readonly accounts: readonly AccountDiagnostics[];
  readonly paused: 'suspended' | 'offline' | null;
  readonly refreshIntervalSec: number;
  /** Host (and port) of the Kraken API the app talks to, never a path or query. */
  readonly apiHost: string;
  /** Automatic updates (main/update/). */
  readonly updates: UpdateSummary;
  readonly problems: readonly LoggedProblem[];
}

/** Times to the second: shorter, and no fraction for the amount filter to mistake for a number. */
const isoSeconds = (at: number | string): string => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

const age = (now: number, at: number | null): string => (at === null ? 'never' : `${Math.max(0, Math.round((now - at) / 1000))} s ago`);

function updatesLine(updates: UpdateSummary): string {
  if (!updates.available) return 'not in this build';
  const parts = [updates.automatic ? 'automatic' : 'turned off in Settings', updates.waiting === null ? 'no update waiting' : `${updates.waiting.status} ${updates.waiting.version}`];
  if (updates.lastCheck !== null) parts.push(`last check ${isoSeconds(updates.lastCheck.at)}: ${updates.lastCheck.result}`);
  if (updates.nextCheckAt !== null) parts.push(`next check ${isoSeconds(updates.nextCheckAt)}`);
  return parts.join(', ');
}

function accountLine(account: AccountDiagnostics, index: number, now: number): string {
  const parts = [
    `  ${index + 1}. ${account.demo ? 'demo' : 'key'}`,
    account.demo ? 'offline sample data' : account.feed,
    account.status,
    `last good refresh ${age(now, account.fetchedAt)}`,
    ...(account.errorCode === null ? [] : [`error ${account.errorCode}`]),
  ];
  return parts.join(', ');
}

/**
 * The text Help → Copy diagnostics puts on the clipboard, for a user to paste into a bug report. It names
 * what helps to find a problem and nothing that identifies the user's money: no key, secret, fingerprint,
 * account label, amount or value. The problems come from the logger, already redacted and scrubbed.
 */
export function diagnosticsText(input: DiagnosticsInput): string {
  const version = (name: string): string => input.versions[name] ?? '?';
  const demos = input.accounts.filter((account) => account.demo).length;
  return [
    `${input.app.name} diagnostics, ${isoSeconds(input.now)}`,
    `App: ${input.app.version} (${input.app.packaged ? 'installed build' : 'development build'})`,
    `Electron ${version('electron')}, Chromium ${version('chrome')}, Node ${version('node')}`,
    `OS: ${input.os.platform} ${input.os.release} (${input.os.arch}), locale ${input.os.locale}`,
    `Key protection: ${input.protection.level} (${input.protection.backend})`,
    `Kraken API host: ${input.apiHost}`,
    `Accounts: ${input.accounts.length}${demos > 0 ? ` (${demos} demo)` : ''}, refresh every ${input.refreshIntervalSec} s${input.paused === null ? '' : `, paused (${input.paused})`}`,
    ...input.accounts.map((account, index) => accountLine(account, index, input.now)),
    `Updates: ${updatesLine(input.updates)}`,
    input.problems.length === 0 ? 'Recent problems: none' : 'Recent problems (oldest first):',
    ...input.problems.map((problem) => `  ${isoSeconds(problem.at)} ${problem.level} ${problem.message}`),
  ].join('\n');
}
