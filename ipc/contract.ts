// The one contract between main, preload and renderer: every channel name and every payload type.
// Main validates each request against it (main/ipc/), preload exposes it as intent-level functions,
// and the renderer only ever sees the `KrakenBridge` shape below. Nothing secret appears in any type here.

/** Why a request failed, in words a user can act on. `field` names the form field at fault, if any. */
export interface IpcError {
  code: string;
  message: string;
  hint?: string;
  field?: string;
}

/** Every invoke resolves to a result instead of rejecting, so errors keep their type across IPC. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** How well the OS protects the stored keys (Electron safeStorage). */
export interface StorageProtection {
  /** safeStorage backend, e.g. 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text'. */
  backend: string;
  /** 'os': a real keyring/OS protection; 'weak': a fixed-key fallback; 'unavailable': cannot encrypt at all. */
  level: 'os' | 'weak' | 'unavailable';
  /** The user accepted weak protection explicitly (only meaningful when level is 'weak'). */
  weakAccepted: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  storage: StorageProtection;
  /** Problems found at start-up that the user should know about (e.g. a corrupt settings file was set aside). */
  startupNotices: string[];
  /** The OS locale numbers are written in (BCP 47, e.g. 'de-DE'), the same for window, tray and notifications. */
  locale: string;
}

export interface AccountCheck {
  at: string;
  ok: boolean;
  message?: string;
}

/** What the renderer may know about a stored key: never the secret, never the full key. */
export interface AccountSummary {
  id: string;
  label: string;
  keyFingerprint: string;
  addedAt: string;
  hasOtp: boolean;
  demo: boolean;
  lastCheck: AccountCheck | null;
}

export interface AddAccountRequest {
  label: string;
  apiKey: string;
  apiSecret: string;
  otp?: string;
  /** Set when the user accepted weak (fixed-key) protection in the dialog. */
  acceptWeakProtection?: boolean;
}

export interface RenameAccountRequest {
  id: string;
  label: string;
}

export type AssetExtension = 'S' | 'M' | 'B' | 'F' | 'T' | 'P';

export interface BalanceRow {
  /** Raw Kraken code, e.g. 'ETH2.S'. */
  asset: string;
  /** Display code of the base asset the row is grouped and valued under, e.g. 'ETH'. */
  base: string;
  /** The read-only product the balance sits in; 'S' also for ETH2, staked ETH that carries no suffix. */
  extension: AssetExtension | null;
  /** Days to unbond, for staked codes like GRT28.S (main reads it checked against Kraken's asset list). */
  unbondingDays: number | null;
  readOnly: boolean;
  /** Exactly as Kraken sent it. */
  amount: string;
  price: string | null;
  value: string | null;
  share: string | null;
  /** Change of `price` over the last 24 h in percent (e.g. '-1.25', exact to 12 decimals), from Kraken's live ticker; null when unknown. */
  change24hPct: string | null;
  /** What can be traded or withdrawn (BalanceEx: balance + credit − credit_used − hold_trade); null when unknown. */
  available: string | null;
  /** Held in open orders (BalanceEx hold_trade); null when unknown. */
  held: string | null;
  /** The Earn allocations behind a read-only line; null when none. */
  earn: RowEarn | null;
}

/** Bonding or unbonding Earn funds, and when the last of them is done (ISO; null when Kraken does not say). */
export interface EarnPhase {
  amount: string;
  endsAt: string | null;
}

export interface EarnAllocation {
  strategyId: string;
  /** Display code of the asset earning. Amounts below are in it. */
  asset: string;
  allocated: string;
  bonding: EarnPhase | null;
  unbonding: EarnPhase | null;
  /** Rewards received so far. */
  rewarded: string;
  /** The current payout period: rewards accumulated in it, the estimate until payout, and the payout date (ISO). */
  payout: { accumulated: string; estimated: string; at: string } | null;
}

/** Earn allocations behind one read-only line, matched by asset (Kraken does not map strategies to suffixed codes). */
export interface RowEarn {
  allocations: EarnAllocation[];
  /** Other read-only lines of the same asset the allocations may be behind instead; empty when the match is certain. */
  sharedWith: string[];
}

/** All Earn allocations of a portfolio, valued in its quote at its prices. */
export interface EarnSummary {
  allocated: string;
  rewarded: string;
  /** Allocated assets without a price in the quote: not in the two sums. */
  unpriced: string[];
  /** Allocated assets with no read-only line to show them on. */
  unmatched: string[];
  count: number;
}

export interface Portfolio {
  quote: string;
  rows: BalanceRow[];
  total: string;
  unpriced: string[];
  /** The priced balances that have a price a day ago, valued now and at those prices; null when none has. */
  change24h: { now: string; before: string } | null;
  /** Null when Kraken's Earn allocations could not be read (or the account has none to read). */
  earn: EarnSummary | null;
}

export type RefreshStatus = 'idle' | 'refreshing' | 'fresh' | 'stale' | 'error';

export interface AccountBalances {
  accountId: string;
  status: RefreshStatus;
  portfolio: Portfolio | null;
  fetchedAt: string | null;
  nextRefreshAt: string | null;
  /** Total before the previous successful refresh, for "change since last refresh". */
  previousTotal: string | null;
  error: IpcError | null;
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
}

export interface HistoryPoint {
  at: string;
  total: string;
}

/** renderer → main request/response pairs (ipcRenderer.invoke / ipcMain.handle). A `void` response carries no value. */
/* eslint-disable @typescript-eslint/no-invalid-void-type */
export interface InvokeMap {
  'app:get-info': { request: undefined; response: AppInfo };
  'accounts:list': { request: undefined; response: AccountSummary[] };
  'accounts:add': { request: AddAccountRequest; response: AccountSummary };
  'accounts:rename': { request: RenameAccountRequest; response: AccountSummary };
  'accounts:remove': { request: { id: string }; response: void };
  'accounts:add-demo': { request: undefined; response: AccountSummary };
  'balances:get': { request: undefined; response: AccountBalances[] };
  'balances:refresh': { request: { accountId?: string }; response: void };
  'history:get': { request: { accountId?: string }; response: HistoryPoint[] };
  'settings:get': { request: undefined; response: Settings };
  'settings:update': { request: Partial<Settings>; response: Settings };
  'storage:accept-weak': { request: undefined; response: StorageProtection };
  'shell:open-help': { request: { topic: HelpTopic }; response: void };
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
}
export type EventChannel = keyof EventMap;

/** Fixed help pages the renderer may ask main to open; never a URL from the page. */
export type HelpTopic = 'create-api-key' | 'nonce-window' | 'extensions';

export const INVOKE_CHANNELS = [
  'app:get-info',
  'accounts:list',
  'accounts:add',
  'accounts:rename',
  'accounts:remove',
  'accounts:add-demo',
  'balances:get',
  'balances:refresh',
  'history:get',
  'settings:get',
  'settings:update',
  'storage:accept-weak',
  'shell:open-help',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = [
  'balances:changed',
  'accounts:changed',
  'settings:changed',
] as const satisfies readonly EventChannel[];

type Unsubscribe = () => void;

/** The API the preload exposes at `window.kraken`: intent-level functions only, no generic invoke. */
export interface KrakenBridge {
  app: { getInfo(): Promise<IpcResult<AppInfo>> };
  accounts: {
    list(): Promise<IpcResult<AccountSummary[]>>;
    add(request: AddAccountRequest): Promise<IpcResult<AccountSummary>>;
    rename(request: RenameAccountRequest): Promise<IpcResult<AccountSummary>>;
    remove(id: string): Promise<IpcResult<void>>;
    addDemo(): Promise<IpcResult<AccountSummary>>;
    onChanged(listener: (accounts: AccountSummary[]) => void): Unsubscribe;
  };
  balances: {
    get(): Promise<IpcResult<AccountBalances[]>>;
    refresh(accountId?: string): Promise<IpcResult<void>>;
    onChanged(listener: (balances: AccountBalances[]) => void): Unsubscribe;
  };
  history: { get(accountId?: string): Promise<IpcResult<HistoryPoint[]>> };
  settings: {
    get(): Promise<IpcResult<Settings>>;
    update(patch: Partial<Settings>): Promise<IpcResult<Settings>>;
    onChanged(listener: (settings: Settings) => void): Unsubscribe;
  };
  storage: { acceptWeakProtection(): Promise<IpcResult<StorageProtection>> };
  help: { open(topic: HelpTopic): Promise<IpcResult<void>> };
}

/** Name of the global the preload exposes. */
export const BRIDGE_KEY = 'kraken';
