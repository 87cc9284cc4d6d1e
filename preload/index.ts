// Sandboxed preload: bundled to one CommonJS file whose only import at run time is 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_KEY,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type IpcResult,
  type KrakenBridge,
} from '../ipc/contract.ts';

function invoke<C extends InvokeChannel>(channel: C, request?: InvokeRequest<C>): Promise<IpcResult<InvokeResponse<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<InvokeResponse<C>>>;
}

const bridge: KrakenBridge = {
  app: { getInfo: () => invoke('app:get-info') },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
