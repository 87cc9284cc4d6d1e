import { app, BrowserWindow, powerMonitor } from 'electron';

/**
 * Runs `save` when the OS is ending the session, before it ends the process. A Windows logoff or shutdown
 * emits 'session-end' on each window (hidden ones too: Windows asks every top-level window) and then ends
 * the process: no before-quit, no will-quit, so nothing the app does on quit runs. A Linux or macOS
 * shutdown emits powerMonitor 'shutdown' first and may not wait for a graceful quit to finish. `save` must
 * be synchronous (nothing after it is sure to run) and may run more than once. Call after 'ready'.
 */
export function onSystemEnding(save: () => void): void {
  for (const window of BrowserWindow.getAllWindows()) window.on('session-end', save);
  app.on('browser-window-created', (_event, window) => window.on('session-end', save));
  powerMonitor.on('shutdown', save);
}
