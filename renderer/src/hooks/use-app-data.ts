import { useSyncExternalStore } from 'react';
import type { KrakenBridge } from '../../../ipc/contract.ts';
import { appDataStore, type AppData, type AppDataStore } from '../app-data-store.ts';

export type { AppData } from '../app-data-store.ts';
export type AppDataActions = Pick<AppDataStore, 'updateSettings' | 'reloadBalances'>;

/** Everything the window shows, kept current by main's change events (see app-data-store.ts). */
export function useAppData(bridge: KrakenBridge): [AppData, AppDataActions] {
  const store = appDataStore(bridge);
  const data = useSyncExternalStore(store.subscribe, store.get);
  return [data, store];
}
