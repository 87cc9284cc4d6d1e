// An in-memory window.kraken for renderer tests: state that tests set, calls that tests read, and the
// change events main would send.
import type {
  AccountBalances,
  AccountSummary,
  AddAccountRequest,
  UpdateKeyRequest,
  AppInfo,
  AssetHistoryPoint,
  ExportResult,
  HelpTopic,
  HistoryPoint,
  HistoryRequest,
  HistorySeriesInfo,
  IpcResult,
  KrakenBridge,
  NotificationFailure,
  Settings,
  UpdateState,
  WeakConsentWithdrawal,
} from '../../../ipc/contract.ts';
import { DEFAULT_SETTINGS } from '../../../main/settings/settings-schema.ts';
import { readNumberLocale } from '../../../shared/number-locale.ts';

type Listener<T> = (value: T) => void;

export interface FakeBridgeState {
  info: AppInfo;
  settings: Settings;
  accounts: AccountSummary[];
  balances: AccountBalances[];
  history: HistoryPoint[];
  update: UpdateState;
  /** What history answers besides its points (quote, other quotes, joins …); defaults follow the settings. */
  historyInfo: Partial<HistorySeriesInfo>;
  assetHistory: AssetHistoryPoint[];
  exportResult: ExportResult;
}

export interface FakeBridge extends KrakenBridge {
  state: FakeBridgeState;
  /** What each call received, in order: [name, argument]. */
  calls: [string, unknown][];
  /** How accounts.add answers; the default saves the account. */
  onAdd: (request: AddAccountRequest) => IpcResult<AccountSummary>;
  /** How accounts.updateKey answers; the default keeps the account as it is, checked now. */
  onUpdateKey: (request: UpdateKeyRequest) => IpcResult<AccountSummary>;
  /** How storage.withdrawWeakProtection answers (main asks natively first); the default: the user cancelled. */
  onWithdrawWeak: () => IpcResult<WeakConsentWithdrawal>;
  emitBalances(balances: AccountBalances[]): void;
  emitAccounts(accounts: AccountSummary[]): void;
  emitSettings(settings: Settings): void;
  emitNotificationFailure(failure: NotificationFailure): void;
  emitUpdate(update: UpdateState): void;
}

const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });

export function createFakeBridge(initial: Partial<FakeBridgeState> = {}): FakeBridge {
  const listeners = { balances: new Set<Listener<AccountBalances[]>>(), accounts: new Set<Listener<AccountSummary[]>>(), settings: new Set<Listener<Settings>>(), notificationFailures: new Set<Listener<NotificationFailure>>(), update: new Set<Listener<UpdateState>>() };
  const subscribe = <T>(set: Set<Listener<T>>, listener: Listener<T>) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  const state: FakeBridgeState = {
    info: { name: 'Kraken Balances', version: '9.9.9', platform: 'linux', storage: { backend: 'gnome_libsecret', level: 'os', weakAccepted: false, weakConsent: null }, startupNotices: [], numberLocale: readNumberLocale('en-US'), notificationFailure: null, krakenServer: 'https://api.kraken.com' },
    settings: { ...DEFAULT_SETTINGS },
    accounts: [],
    balances: [],
    history: [],
    update: { status: 'unavailable' },
    historyInfo: {},
    assetHistory: [],
    exportResult: { saved: false },
    ...initial,
  };
  const calls: [string, unknown][] = [];
  let nextId = 1;
  const seriesInfo = (request: HistoryRequest): HistorySeriesInfo => ({
    range: request.range ?? 'all',
    quote: request.quote ?? state.settings.quoteCurrency,
    currentQuote: state.settings.quoteCurrency,
    otherQuotes: [],
    unconverted: 0,
    joins: [],
    ...state.historyInfo,
  });

  // What main pushes: the fake holds it as its state, then tells the page's subscribers.
  const pushed =
    <Key extends 'balances' | 'accounts' | 'settings' | 'update'>(key: Key) =>
    (value: FakeBridgeState[Key]): void => {
      state[key] = value;
      for (const listener of listeners[key] as Set<Listener<FakeBridgeState[Key]>>) listener(value);
    };

  const bridge: FakeBridge = {
    state,
    calls,
    onAdd: (request) => {
      const added: AccountSummary = { id: `acc-${nextId++}`, label: request.label || 'Kraken', keyFingerprint: 'kraken:0123456789abcdef', addedAt: '2025-01-01T00:00:00.000Z', hasOtp: false, demo: false, lastCheck: null };
      bridge.emitAccounts([...state.accounts, added]);
      return { ok: true, value: added };
    },
    onUpdateKey: (request) => {
      const account = state.accounts.find((entry) => entry.id === request.id);
      if (account === undefined) return { ok: false, error: { code: 'account-not-found', message: 'This account no longer exists.' } };
      const updated: AccountSummary = { ...account, hasOtp: request.otp !== undefined, lastCheck: { at: '2025-01-01T00:00:00.000Z', ok: true } };
      bridge.emitAccounts(state.accounts.map((entry) => (entry.id === request.id ? updated : entry)));
      return { ok: true, value: updated };
    },
    onWithdrawWeak: () => ({ ok: true, value: { withdrawn: false, removed: 0, resealed: 0 } }),
    emitBalances: pushed('balances'),
    emitAccounts: pushed('accounts'),
    emitNotificationFailure(failure) {
      state.info = { ...state.info, notificationFailure: failure };
      for (const listener of listeners.notificationFailures) listener(failure);
    },
    emitSettings: pushed('settings'),
    emitUpdate: pushed('update'),
    app: { getInfo: () => ok(state.info) },
    accounts: {
      list: () => ok(state.accounts),
      add: (request) => {
        calls.push(['accounts.add', request]);
        return Promise.resolve(bridge.onAdd(request));
      },
      updateKey: (request) => {
        calls.push(['accounts.updateKey', request]);
        return Promise.resolve(bridge.onUpdateKey(request));
      },
      rename: (request) => {
        calls.push(['accounts.rename', request]);
        const renamed = state.accounts.map((entry) => (entry.id === request.id ? { ...entry, label: request.label } : entry));
        bridge.emitAccounts(renamed);
        const account = renamed.find((entry) => entry.id === request.id);
        return account ? ok(account) : Promise.resolve({ ok: false, error: { code: 'account-not-found', message: 'This account no longer exists.' } });
      },
      remove: (id) => {
        calls.push(['accounts.remove', id]);
        bridge.emitAccounts(state.accounts.filter((entry) => entry.id !== id));
        return ok({ removed: true });
      },
      addDemo: () => {
        calls.push(['accounts.addDemo', undefined]);
        const demo: AccountSummary = { id: 'demo', label: 'Demo account', keyFingerprint: '', addedAt: '2025-01-01T00:00:00.000Z', hasOtp: false, demo: true, lastCheck: null };
        bridge.emitAccounts([...state.accounts, demo]);
        return ok(demo);
      },
      onChanged: (listener) => subscribe(listeners.accounts, listener),
    },
    balances: {
      get: () => ok(state.balances),
      refresh: (accountId) => {
        calls.push(['balances.refresh', accountId]);
        return ok(undefined);
      },
      onChanged: (listener) => subscribe(listeners.balances, listener),
    },
    history: {
      get: (request) => {
        calls.push(['history.get', request]);
        return ok({ ...seriesInfo(request), points: state.history });
      },
      asset: (request) => {
        calls.push(['history.asset', request]);
        return ok({ ...seriesInfo(request), assets: request.assets, points: state.assetHistory });
      },
    },
    export: {
      csv: (request) => {
        calls.push(['export.csv', request]);
        return ok(state.exportResult);
      },
    },
    settings: {
      get: () => ok(state.settings),
      update: (patch) => {
        calls.push(['settings.update', patch]);
        const next = { ...state.settings, ...patch };
        bridge.emitSettings(next);
        return ok(next);
      },
      onChanged: (listener) => subscribe(listeners.settings, listener),
    },
    storage: {
      withdrawWeakProtection: () => {
        calls.push(['storage.withdrawWeakProtection', undefined]);
        return Promise.resolve(bridge.onWithdrawWeak());
      },
    },
    update: {
      get: () => ok(state.update),
      install: () => {
        calls.push(['update.install', undefined]);
        return ok(undefined);
      },
      onChanged: (listener) => subscribe(listeners.update, listener),
    },
    help: {
      open: (topic: HelpTopic) => {
        calls.push(['help.open', topic]);
        return ok(undefined);
      },
    },
    notifications: { onFailed: (listener) => subscribe(listeners.notificationFailures, listener) },
  };
  return bridge;
}
