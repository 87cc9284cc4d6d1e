import { app } from 'electron';
import { readNumberLocale, type NumberLocale } from '../shared/number-locale.ts';

let read: NumberLocale | null = null;

/**
 * How the OS writes numbers, for the tray, the notifications and (through AppInfo) the window alike:
 * Electron's app.getSystemLocale(), the regional format (Windows), the region (macOS), or ICU's reading
 * of LC_ALL / LC_MESSAGES / LANG (Linux). Electron reads it once at start-up, so it is read once here;
 * only after 'ready', where Electron throws.
 */
export function systemNumberLocale(): NumberLocale {
  read ??= readNumberLocale(app.getSystemLocale());
  return read;
}
