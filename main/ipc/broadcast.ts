import type { EventChannel, EventMap } from '../../ipc/contract.ts';
import { getMainWindow } from '../window.ts';

/** Pushes a contract event to the app window, if it is open. */
export function broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
  const window = getMainWindow();
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
}
