// The one contract between main, preload and renderer: every channel name and every payload type.
// Main validates each request against it (main/ipc/), preload exposes it as intent-level functions,
// and the renderer only ever sees the `KrakenBridge` shape below. Nothing secret appears in any type here.
// Payload types are grouped by concern under ipc/contract/ and re-exported here, so this stays the one import.
import type { AccountSummary, AddAccountRequest, RenameAccountRequest, StorageProtection, UpdateKeyRequest, WeakConsentWithdrawal } from './contract/accounts.ts';
import type { AccountBalances } from './contract/balances.ts';
import type { AssetHistory, AssetHistoryRequest, ExportRequest, ExportResult, HistoryRequest, HistorySeries } from './contract/history.ts';

export type * from './contract/accounts.ts';
export type * from './contract/balances.ts';
export type * from './contract/history.ts';
export { HISTORY_RANGES } from './contract/history.ts';

/** Why a request failed, in words a user can act on. `field` names the form field at fault, if any. */
export interface IpcError {
  code: string;
  message: string;
  hint?: string;
  field?: string;
  /**
   * What kind of problem it is, where that changes what the user should do: 'key' = the saved key must
   * change (update it); 'transient' = it passes on its own (rate limit, Kraken busy or down, network,
   * a lockout running out) and the app retries.
   */
  kind?: 'key' | 'transient';
  /** ISO time before which trying again is pointless (a lockout's end, Kraken's Retry-After). */
  retryAt?: string;
}

/** Every invoke resolves to a result instead of rejecting, so errors keep their type across IPC. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  storage: StorageProtection;
  /** Problems found at start-up that the user should know about (e.g. a corrupt settings file was set aside). */
  startupNotices: string[];
  /**
   * How the OS locale writes numbers, read once by main (shared/number-locale.ts) and the same for window,
   * tray and notifications: the window takes this reading rather than making its own.
   */
  numberLocale: NumberLocale;
  /** The Kraken server's origin, e.g. "https://api.kraken.com" (a development build may be pointed elsewhere). */
  krakenServer: string;
  /** Set once the OS refused a notification: the window shows it instead, and Settings says so. */
  notificationFailure: NotificationFailure | null;
}

/** How a locale writes numbers: the symbols and grouping that shared/decimal-text.ts lays exact amounts out with. */
export interface NumberLocale {
  /** The BCP 47 tag Intl resolved, e.g. 'de-DE'. */
  readonly locale: string;
  readonly group: string;
  readonly decimal: string;
  readonly minus: string;
  readonly plus: string;
  /** Size of the group nearest the decimal point (3 almost everywhere). */
  readonly primaryGroup: number;
  /** Size of the groups further left (2 for en-IN's 12,34,56,789). */
  readonly secondaryGroup: number;
  /** Fewest integer digits before grouping starts (2 for es: 1234 but 12.345). */
  readonly minGroupingDigits: number;
  /** Percent pattern around the number, e.g. "" and "%" (en) or "" and " %" (de). */
  readonly percentPrefix: string;
  readonly percentSuffix: string;
}

/** Notifications the OS would not show (an unsigned macOS build, a system without a notification server). */
export interface NotificationFailure {
  /** Why, in the OS's words. */
  reason: string;
  /** The notifications that could not be shown, oldest first (the last few). */
  missed: { title: string; body: string }[];
}


export type QuoteCurrency = 'USD' | 'EUR' | 'GBP' | 'CAD' | 'JPY' | 'CHF' | 'AUD' | 'USDT' | 'USDC' | 'BTC' | 'ETH';
export type VerificationTier = 'starter' | 'intermediate' | 'pro';
export type Theme = 'system' | 'light' | 'dark';
/** The charts above the balances: 'auto' shows them when the window has room for them and the table. */
export type ChartsVisibility = 'auto' | 'shown' | 'hidden';

export interface Settings {
  refreshIntervalSec: number;
  quoteCurrency: QuoteCurrency;
  rebaseMultiplier: 'rebased' | 'base';
  tier: VerificationTier;
  launchAtLogin: boolean;
  startMinimized: boolean;
  closeToTray: boolean;
  theme: Theme;
  charts: ChartsVisibility;
  privacyMode: boolean;
  hideSmallBelow: string;
  notifyOnChange: boolean;
  notifyThresholdPercent: string;
  /** Check for, download and offer new versions (installed builds only; main/update/). */
  autoUpdate: boolean;
}

/**
 * Automatic updates as the window and the tray show them. 'unavailable': this build never updates itself
 * (development, preview); 'ready': a new version is downloaded and verified, waiting for "Restart to update".
 */
export type UpdateState =
  | { status: 'unavailable' }
  | { status: 'idle' }
  | { status: 'downloading'; version: string }
  | { status: 'ready'; version: string; releaseNotes: string };

/** renderer → main request/response pairs (ipcRenderer.invoke / ipcMain.handle). A `void` response carries no value. */
/* eslint-disable @typescript-eslint/no-invalid-void-type */
export interface InvokeMap {
  'app:get-info': { request: undefined; response: AppInfo };
  'accounts:list': { request: undefined; response: AccountSummary[] };
  'accounts:add': { request: AddAccountRequest; response: AccountSummary };
  'accounts:rename': { request: RenameAccountRequest; response: AccountSummary };
  /** Checks the new key with Kraken, then replaces the saved one; the account keeps its id, name and history. */
  'accounts:update-key': { request: UpdateKeyRequest; response: AccountSummary };
  /** Main asks the user natively first; `removed` is false when they kept it (or it was already gone). */
  'accounts:remove': { request: { id: string }; response: { removed: boolean } };
  'accounts:add-demo': { request: undefined; response: AccountSummary };
  'balances:get': { request: undefined; response: AccountBalances[] };
  'balances:refresh': { request: { accountId?: string }; response: void };
  'history:get': { request: HistoryRequest; response: HistorySeries };
  'history:asset': { request: AssetHistoryRequest; response: AssetHistory };
  'export:csv': { request: ExportRequest; response: ExportResult };
  'settings:get': { request: undefined; response: Settings };
  'settings:update': { request: Partial<Settings>; response: Settings };
  'storage:withdraw-weak': { request: undefined; response: WeakConsentWithdrawal };
  'shell:open-help': { request: { topic: HelpTopic }; response: void };
  'update:get': { request: undefined; response: UpdateState };
  'update:install': { request: undefined; response: void };
}
/* eslint-enable @typescript-eslint/no-invalid-void-type */
export type InvokeChannel = keyof InvokeMap;
export type InvokeRequest<C extends InvokeChannel> = InvokeMap[C]['request'];
export type InvokeResponse<C extends InvokeChannel> = InvokeMap[C]['response'];

/** main → renderer events (webContents.send / ipcRenderer.on). */
export interface EventMap {
  'balances:changed': AccountBalances[];
  'accounts:changed': AccountSummary[];
  'settings:changed': Settings;
  'notifications:failed': NotificationFailure;
  'update:changed': UpdateState;
}
export type EventChannel = keyof EventMap;

/** Fixed help pages the renderer may ask main to open; never a URL from the page. */
export type HelpTopic = 'create-api-key' | 'nonce-window' | 'extensions' | 'kraken-status';

export const INVOKE_CHANNELS = [
  'app:get-info',
  'accounts:list',
  'accounts:add',
  'accounts:rename',
  'accounts:update-key',
  'accounts:remove',
  'accounts:add-demo',
  'balances:get',
  'balances:refresh',
  'history:get',
  'history:asset',
  'export:csv',
  'settings:get',
  'settings:update',
  'storage:withdraw-weak',
  'shell:open-help',
  'update:get',
  'update:install',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = [
  'balances:changed',
  'accounts:changed',
  'settings:changed',
  'notifications:failed',
  'update:changed',
] as const satisfies readonly EventChannel[];

type Unsubscribe = () => void;

/** The API the preload exposes at `window.kraken`: intent-level functions only, no generic invoke. */
export interface KrakenBridge {
  app: { getInfo(): Promise<IpcResult<AppInfo>> };
  accounts: {
    list(): Promise<IpcResult<AccountSummary[]>>;
    add(request: AddAccountRequest): Promise<IpcResult<AccountSummary>>;
    rename(request: RenameAccountRequest): Promise<IpcResult<AccountSummary>>;
    /** "Update key": the new secret goes to main once and never comes back. */
    updateKey(request: UpdateKeyRequest): Promise<IpcResult<AccountSummary>>;
    remove(id: string): Promise<IpcResult<{ removed: boolean }>>;
    addDemo(): Promise<IpcResult<AccountSummary>>;
    onChanged(listener: (accounts: AccountSummary[]) => void): Unsubscribe;
  };
  balances: {
    get(): Promise<IpcResult<AccountBalances[]>>;
    refresh(accountId?: string): Promise<IpcResult<void>>;
    onChanged(listener: (balances: AccountBalances[]) => void): Unsubscribe;
  };
  history: {
    get(request: HistoryRequest): Promise<IpcResult<HistorySeries>>;
    asset(request: AssetHistoryRequest): Promise<IpcResult<AssetHistory>>;
  };
  /** Opens the native save dialog in main (after asking first in privacy mode) and writes the CSV there. */
  export: { csv(request: ExportRequest): Promise<IpcResult<ExportResult>> };
  settings: {
    get(): Promise<IpcResult<Settings>>;
    update(patch: Partial<Settings>): Promise<IpcResult<Settings>>;
    onChanged(listener: (settings: Settings) => void): Unsubscribe;
  };
  /** Weak protection is consented to in main's native dialog while adding a key; the page can only ask to withdraw it. */
  storage: { withdrawWeakProtection(): Promise<IpcResult<WeakConsentWithdrawal>> };
  help: { open(topic: HelpTopic): Promise<IpcResult<void>> };
  notifications: { onFailed(listener: (failure: NotificationFailure) => void): Unsubscribe };
  update: {
    get(): Promise<IpcResult<UpdateState>>;
    /** Quits and installs the downloaded version; refused unless one is ready. */
    install(): Promise<IpcResult<void>>;
    onChanged(listener: (state: UpdateState) => void): Unsubscribe;
  };
}

/** Name of the global the preload exposes. */
export const BRIDGE_KEY = 'kraken';
