import type { AccountBalances, AccountSummary, AppInfo, IpcError, IpcResult, KrakenBridge, Settings } from '../../ipc/contract.ts';
import { readFirstSeries } from './early-series-reads.ts';

export interface AppData {
  readonly info: AppInfo | null;
  readonly settings: Settings | null;
  /** null until the first answer, so "no accounts" is never shown while loading. */
  readonly accounts: readonly AccountSummary[] | null;
  readonly balances: readonly AccountBalances[];
  /** Why balances could not be read at all (per-account refresh errors live in the balances). */
  readonly balancesError: IpcError | null;
  /** Why the app could not start talking to main. */
  readonly loadError: IpcError | null;
}

export interface AppDataStore {
  /** What the window shows now: the same object until something changes. */
  get(): AppData;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Applies a settings patch at once on screen; main's answer (or its refusal) then wins. */
  updateSettings(patch: Partial<Settings>): Promise<IpcResult<Settings>>;
  reloadBalances(): Promise<void>;
}

const EMPTY: AppData = { info: null, settings: null, accounts: null, balances: [], balancesError: null, loadError: null };

const UNREACHABLE: IpcError = {
  code: 'bridge-unreachable',
  message: 'The app window could not reach the app’s main process.',
  hint: 'Restart the app. If it keeps happening, the log has details.',
};

function settle<T>(call: Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  return call.catch((): IpcResult<T> => ({ ok: false, error: UNREACHABLE }));
}

/**
 * Everything the window shows, read once at start and then kept current by main's change events.
 * It starts reading as soon as it is created, not when React has first rendered and run its effects,
 * so main's answers are on their way (or already in) while React starts.
 */
function createAppDataStore(bridge: KrakenBridge): AppDataStore {
  let data = EMPTY;
  const listeners = new Set<() => void>();
  const update = (change: (current: AppData) => AppData) => {
    data = change(data);
    for (const listener of listeners) listener();
  };

  // Subscribe before the first reads so no change in between is missed.
  // Adding a key can change the storage protection (weak protection accepted), so the info is re-read.
  const rereadInfo = () =>
    void settle(bridge.app.getInfo()).then((info) => {
      if (info.ok) update((current) => ({ ...current, info: info.value }));
    });
  bridge.accounts.onChanged((accounts) => {
    update((current) => ({ ...current, accounts }));
    rereadInfo();
  });
  bridge.balances.onChanged((balances) => update((current) => ({ ...current, balances, balancesError: null })));
  // A notification the OS would not show: the window shows it instead (Notices) and Settings says why.
  bridge.notifications.onFailed((notificationFailure) =>
    update((current) => (current.info ? { ...current, info: { ...current.info, notificationFailure } } : current)));
  // Patches sent to main and not answered yet. Main answers in order, but an answer (or broadcast) for
  // an earlier patch can arrive after a later one was applied on screen; the later one must not flicker back.
  const pending: Partial<Settings>[] = [];
  const withPending = (settings: Settings): Settings => Object.assign({ ...settings }, ...pending);
  bridge.settings.onChanged((settings) => update((current) => ({ ...current, settings: withPending(settings) })));
  void Promise.all([
    settle(bridge.app.getInfo()),
    settle(bridge.settings.get()),
    settle(bridge.accounts.list()),
    settle(bridge.balances.get()),
  ]).then(([info, settings, accounts, balances]) => {
    update((current) => ({
      info: info.ok ? info.value : current.info,
      settings: settings.ok ? settings.value : current.settings,
      accounts: accounts.ok ? accounts.value : (current.accounts ?? []),
      balances: balances.ok ? balances.value : current.balances,
      balancesError: balances.ok ? null : balances.error,
      loadError: [info, settings, accounts].find((result) => !result.ok)?.error ?? null,
    }));
    readFirstSeries(bridge, data.accounts, data.balances, data.settings);
  });

  return {
    get: () => data,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async updateSettings(patch) {
      pending.push(patch);
      update((current) => (current.settings ? { ...current, settings: { ...current.settings, ...patch } } : current));
      const result = await settle(bridge.settings.update(patch));
      pending.splice(pending.indexOf(patch), 1);
      if (result.ok) {
        update((current) => ({ ...current, settings: withPending(result.value) }));
      } else {
        // Put back what main actually holds.
        const fresh = await settle(bridge.settings.get());
        if (fresh.ok) update((current) => ({ ...current, settings: withPending(fresh.value) }));
      }
      return result;
    },
    async reloadBalances() {
      const result = await settle(bridge.balances.get());
      update((current) => (result.ok ? { ...current, balances: result.value, balancesError: null } : { ...current, balancesError: result.error }));
    },
  };
}

/** A window has one bridge for its lifetime (tests make a new one per case). */
let current: { readonly bridge: KrakenBridge; readonly store: AppDataStore } | null = null;

/**
 * The one store of the window's bridge, created on first request. main.tsx asks for it at the app's first
 * line, before React renders anything.
 */
export function appDataStore(bridge: KrakenBridge): AppDataStore {
  if (current?.bridge !== bridge) current = { bridge, store: createAppDataStore(bridge) };
  return current.store;
}
