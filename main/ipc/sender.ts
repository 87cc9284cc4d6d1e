import type { IpcMainInvokeEvent } from 'electron';
import { isAppOrigin } from '../app-scheme.ts';
import { getMainWindow } from '../window.ts';

/**
 * Only the top frame of our own window, showing a page of the app's own origin (app://kraken-balances, never
 * file:// nor any other scheme), may call main.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const window = getMainWindow();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  return event.sender.id === window.webContents.id && frame.parent === null && isAppOrigin(frame.url);
}
