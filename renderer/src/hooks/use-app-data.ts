import { useCallback, useEffect, useState } from 'react';
import type { AccountBalances, AccountSummary, AppInfo, IpcError, IpcResult, KrakenBridge, Settings } from '../../../ipc/contract.ts';

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

const EMPTY: AppData = { info: null, settings: null, accounts: null, balances: [], balancesError: null, loadError: null };

const UNREACHABLE: IpcError = {
  code: 'bridge-unreachable',
  message: 'The app window could not reach the app’s main process.',
  hint: 'Restart the app. If it keeps happening, the log has details.',
};

function settle<T>(call: Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  return call.catch((): IpcResult<T> => ({ ok: false, error: UNREACHABLE }));
}

export interface AppDataActions {
  /** Applies a settings patch at once on screen; main's answer (or its refusal) then wins. */
  updateSettings(patch: Partial<Settings>): Promise<IpcResult<Settings>>;
  reloadBalances(): Promise<void>;
}

/** Everything the window shows, read once at start and then kept current by main's change events. */
export function useAppData(bridge: KrakenBridge): [AppData, AppDataActions] {
  const [data, setData] = useState<AppData>(EMPTY);

  const reloadBalances = useCallback(async () => {
    const result = await settle(bridge.balances.get());
    setData((current) =>
      result.ok ? { ...current, balances: result.value, balancesError: null } : { ...current, balancesError: result.error },
    );
  }, [bridge]);

  useEffect(() => {
    let live = true;
    const update = (change: (current: AppData) => AppData) => {
      if (live) setData(change);
    };
    // Subscribe before the first reads so no change in between is missed.
    // Adding a key can change the storage protection (weak protection accepted), so the info is re-read.
    const rereadInfo = () =>
      void settle(bridge.app.getInfo()).then((info) => {
        if (info.ok) update((current) => ({ ...current, info: info.value }));
      });
    const unsubscribers = [
      bridge.accounts.onChanged((accounts) => {
        update((current) => ({ ...current, accounts }));
        rereadInfo();
      }),
      bridge.balances.onChanged((balances) => update((current) => ({ ...current, balances, balancesError: null }))),
      bridge.settings.onChanged((settings) => update((current) => ({ ...current, settings }))),
    ];
    void Promise.all([
      settle(bridge.app.getInfo()),
      settle(bridge.settings.get()),
      settle(bridge.accounts.list()),
      settle(bridge.balances.get()),
    ]).then(([info, settings, accounts, balances]) =>
      update((current) => ({
        info: info.ok ? info.value : current.info,
        settings: settings.ok ? settings.value : current.settings,
        accounts: accounts.ok ? accounts.value : (current.accounts ?? []),
        balances: balances.ok ? balances.value : current.balances,
        balancesError: balances.ok ? null : balances.error,
        loadError: [info, settings, accounts].find((result) => !result.ok)?.error ?? null,
      })),
    );
    return () => {
      live = false;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [bridge]);

  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      setData((current) => (current.settings ? { ...current, settings: { ...current.settings, ...patch } } : current));
      const result = await settle(bridge.settings.update(patch));
      if (result.ok) {
        setData((current) => ({ ...current, settings: result.value }));
      } else {
        // Put back what main actually holds.
        const fresh = await settle(bridge.settings.get());
        if (fresh.ok) setData((current) => ({ ...current, settings: fresh.value }));
      }
      return result;
    },
    [bridge],
  );

  return [data, { updateSettings, reloadBalances }];
}
