import type { App } from 'electron';

/**
 * KRAKEN_BALANCES_USER_DATA moves all app data (keys, settings, history) to another folder: for tests,
 * for development next to a real install, and for portable use. It must run before anything reads
 * userData, including the single-instance lock.
 */
export function applyUserDataOverride(app: Pick<App, 'setPath'>, env: NodeJS.ProcessEnv = process.env): void {
  const dir = env['KRAKEN_BALANCES_USER_DATA'];
  if (dir) app.setPath('userData', dir);
}
