import path from 'node:path';
import type { App } from 'electron';

export const USER_DATA_ENV = 'KRAKEN_BALANCES_USER_DATA';

/**
 * KRAKEN_BALANCES_USER_DATA moves all app data (keys, settings, history) to another folder: for tests,
 * for development next to a real install, and for portable use. It must run before anything reads
 * userData, including the single-instance lock.
 *
 * A relative path is refused, not resolved: it would be relative to whatever folder the app happens to
 * start in (a terminal's, the desktop launcher's, the login session's), so the keys and history would
 * seem to vanish on the next start from elsewhere. Electron's setPath throws on it anyway; this says why
 * in one line instead of a stack. Returns that line, or null when the override (if any) was applied.
 */
export function applyUserDataOverride(app: Pick<App, 'setPath'>, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env[USER_DATA_ENV];
  if (!dir) return null;
  if (!path.isAbsolute(dir)) {
    return `${USER_DATA_ENV} must be an absolute path, not "${dir}" (a relative one would depend on the folder the app starts in); nothing was started.`;
  }
  app.setPath('userData', dir);
  return null;
}
