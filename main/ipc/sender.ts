import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from '../paths.ts';
import { getMainWindow } from '../window.ts';

/** Only the top frame of our own window, showing our own page, may call main. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const window = getMainWindow();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  return event.sender.id === window.webContents.id && frame.parent === null && isAppUrl(frame.url);
}
