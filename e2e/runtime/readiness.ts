/**
 * Electron's "app is ready" as the APIs that refuse to work before it see it (BrowserWindow, Tray,
 * Notification, dialog, session, safeStorage). One runtime per process, so one flag; RuntimeApp sets it.
 */
let ready = false;

export function setAppReady(value: boolean): void {
  ready = value;
}

export function isAppReady(): boolean {
  return ready;
}

/** Throws Electron's own message for an API used before 'ready'. */
export function assertAppReady(message: string): void {
  if (!ready) throw new Error(message);
}
