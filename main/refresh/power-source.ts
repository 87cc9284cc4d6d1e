import { net, powerMonitor } from 'electron';
import type { PowerEvent, PowerSource } from './scheduler.ts';

/** How often the network state is polled. */
const ONLINE_POLL_MS = 15_000;

/**
 * Electron's side of "is it worth refreshing now": powerMonitor's suspend/resume (a locked screen is not
 * sleep, so 'lock-screen' is ignored) and the OS network state. The network is polled with
 * net.isOnline() here in main rather than taken from the renderer's online/offline events, because the
 * window may be hidden or closed while the tray keeps refreshing, and main needs no IPC for it.
 */
export function electronPowerSource(pollMs = ONLINE_POLL_MS): PowerSource {
  return {
    subscribe(listener: (event: PowerEvent) => void) {
      let online = net.isOnline();
      const checkOnline = (): void => {
        const now = net.isOnline();
        if (now === online) return;
        online = now;
        listener(now ? 'online' : 'offline');
      };
      const onSuspend = (): void => listener('suspend');
      const onResume = (): void => {
        listener('resume');
        checkOnline();
      };
      powerMonitor.on('suspend', onSuspend);
      powerMonitor.on('resume', onResume);
      const poll = setInterval(checkOnline, pollMs);
      poll.unref();
      if (!online) listener('offline');
      return () => {
        powerMonitor.off('suspend', onSuspend);
        powerMonitor.off('resume', onResume);
        clearInterval(poll);
      };
    },
  };
}
