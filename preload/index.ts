// Sandboxed preload: bundled to one CommonJS file whose only import at run time is 'electron'.
// It turns the contract into intent-level functions; the page never sees ipcRenderer or channel names.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_KEY,
  type EventChannel,
  type EventMap,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type IpcResult,
  type KrakenBridge,
} from '../ipc/contract.ts';

function invoke<C extends InvokeChannel>(channel: C, request?: InvokeRequest<C>): Promise<IpcResult<InvokeResponse<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<InvokeResponse<C>>>;
}

function subscribe<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: EventMap[C]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const bridge: KrakenBridge = {
  app: { getInfo: () => invoke('app:get-info') },
  accounts: {
    list: () => invoke('accounts:list'),
    add: (request) => invoke('accounts:add', request),
    rename: (request) => invoke('accounts:rename', request),
    updateKey: (request) => invoke('accounts:update-key', request),
    remove: (id) => invoke('accounts:remove', { id }),
    addDemo: () => invoke('accounts:add-demo'),
    onChanged: (listener) => subscribe('accounts:changed', listener),
  },
  balances: {
    get: () => invoke('balances:get'),
    refresh: (accountId) => invoke('balances:refresh', accountId === undefined ? {} : { accountId }),
    onChanged: (listener) => subscribe('balances:changed', listener),
  },
  history: {
    get: (request) => invoke('history:get', request),
    asset: (request) => invoke('history:asset', request),
  },
  export: { csv: (request) => invoke('export:csv', request) },
  settings: {
    get: () => invoke('settings:get'),
    update: (patch) => invoke('settings:update', patch),
    onChanged: (listener) => subscribe('settings:changed', listener),
  },
  storage: { withdrawWeakProtection: () => invoke('storage:withdraw-weak') },
  help: { open: (topic) => invoke('shell:open-help', { topic }) },
  notifications: { onFailed: (listener) => subscribe('notifications:failed', listener) },
  update: {
    get: () => invoke('update:get'),
    install: () => invoke('update:install'),
    onChanged: (listener) => subscribe('update:changed', listener),
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
