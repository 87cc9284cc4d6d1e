import path from 'node:path';
// Loaded with the main script, on purpose: electron-store's atomically brings when-exit, which listens for
// SIGINT/SIGTERM/SIGHUP and re-raises them (ending the process without before-quit). Electron installs its
// own handlers for those three after the main script has loaded and they replace Node's, so a signal still
// quits gracefully and the history is folded on will-quit. Imported lazily after 'ready', when-exit's
// listeners would win instead. (Checked against Electron 45's electron_browser_main_parts_posix.cc.)
import Store from 'electron-store';
import { repairJsonFile, type RepairReport, type Salvage } from './damaged-file.ts';

export interface OpenedStore {
  store: Store;
  /** Set when the file was damaged and has been repaired; see repairJsonFile. */
  repair: RepairReport | null;
}

/**
 * Opens `<dir>/<name>.json` as an electron-store, repairing a damaged file first: every store of the app
 * opens through here, so a bad file never stops the app from starting. Files are private to the user.
 */
export function openStore(dir: string, name: string, salvage: Salvage): OpenedStore {
  const repair = repairJsonFile(path.join(dir, `${name}.json`), salvage);
  const store = new Store({ name, cwd: dir, clearInvalidConfig: false, configFileMode: 0o600 });
  return { store, repair };
}

/** The sentence shown at start-up: what was damaged, where the copy is, and what the app did about it. */
export function damagedFileNotice(repair: RepairReport, what: string, outcome: string): string {
  return `${what} was damaged. The app kept a copy of it as ${path.basename(repair.backupPath)} in its data folder and ${outcome}`;
}
