import type { NotificationFailure } from '../../ipc/contract.ts';
import type { NotificationText } from './change-text.ts';

/** How many notifications that could not be shown are kept for the window. */
const KEEP_MISSED = 5;

/**
 * Notifications the OS would not show. macOS refuses them from an unsigned build (Electron emits 'failed'),
 * and a Linux desktop may have no notification server: the user would never learn of a balance change.
 * The window shows what was missed as notices and Settings says notifications cannot be shown.
 */
export class NotificationFailures {
  private failure: NotificationFailure | null = null;
  private readonly listeners = new Set<(failure: NotificationFailure) => void>();

  failed(text: NotificationText, reason: string): void {
    const missed = [...(this.failure?.missed ?? []), { title: text.title, body: text.body }].slice(-KEEP_MISSED);
    this.failure = { reason, missed };
    for (const listener of this.listeners) listener(this.failure);
  }

  current(): NotificationFailure | null {
    return this.failure;
  }

  onChange(listener: (failure: NotificationFailure) => void): void {
    this.listeners.add(listener);
  }
}
