import { Notification } from 'electron';
import { log } from '../log.ts';
import type { NotificationText } from './change-text.ts';

// Electron drops a notification's click handler when the object is garbage collected, so shown ones are
// held until they close (a few at most: some Linux servers never report closing).
const live = new Set<Notification>();
const MAX_HELD = 20;

/**
 * Shows a native notification; clicking it runs `onClick` (the app shows its window). When the OS will not
 * show it (no notification support; 'failed', as macOS emits for an unsigned build) `onFailed` gets why.
 */
export function showNativeNotification(text: NotificationText, onClick: () => void, onFailed: (reason: string) => void): void {
  if (!Notification.isSupported()) {
    log.info('notifications: not supported on this system');
    onFailed('this system does not support notifications');
    return;
  }
  const notification = new Notification({ title: text.title, body: text.body });
  live.add(notification);
  if (live.size > MAX_HELD) live.delete(live.values().next().value as Notification);
  notification.on('click', onClick);
  notification.on('close', () => live.delete(notification));
  notification.on('failed', (_event, error) => {
    live.delete(notification);
    log.warn(`notifications: the system did not show one: ${error}`);
    onFailed(error);
  });
  notification.show();
}
