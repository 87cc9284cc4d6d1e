import { app, powerMonitor } from 'electron';

/**
 * Runs `save` when the OS is ending the session, before it ends the process. A Windows logoff or shutdown
 * emits 'session-end' and then ends the process: no before-quit, no will-quit, so nothing the app does on
 * quit runs. A Linux or macOS shutdown emits powerMonitor 'shutdown' first and may not wait for a graceful
 * quit to finish. `save` must be synchronous: nothing after it is sure to run. Call after 'ready'.
 */
export function onSystemEnding(save: () => void): void {
  app.on('session-end', save);
  powerMonitor.on('shutdown', save);
}
