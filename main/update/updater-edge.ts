import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { autoUpdater, type AppUpdater } from 'electron-updater';
import { log } from '../log.ts';
import { app } from 'electron';
import { SYSTEM_CLOCK } from '../refresh/clock.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { updateFeed, type UpdateFeed } from './update-feed.ts';
import { UpdateService, type UpdaterPort } from './update-service.ts';

/** electron-builder's name for the download cache folder (app-update.yml's updaterCacheDirName). */
const UPDATER_CACHE_DIR = 'kraken-balances-updater';

/**
 * A development feed as electron-updater's own dev config: a generic provider at the given URL, written
 * into the data folder (never next to the app) and used only in development builds.
 */
function useDevFeed(updater: AppUpdater, url: string, dataDir: string): void {
  const file = path.join(dataDir, 'dev-app-update.yml');
  // JSON is YAML: no quoting rules to get wrong.
  writeFileSync(file, JSON.stringify({ provider: 'generic', url, updaterCacheDirName: UPDATER_CACHE_DIR }));
  updater.forceDevUpdateConfig = true;
  updater.updateConfigPath = file;
}

/**
 * electron-updater for this OS (NSIS on Windows, Squirrel.Mac on macOS, AppImage or deb on Linux), adapted
 * to the update service's port; null where the build does not update itself. It downloads through
 * Electron's net (system proxy, OS certificates) and checks each file's sha512 against the feed's
 * latest*.yml before it reports a download; a file that does not match is deleted, never installed.
 */
export function createUpdaterPort(feed: UpdateFeed, dataDir: string): UpdaterPort | null {
  if (feed.kind === 'off') {
    log.info(`update: automatic updates are off (${feed.reason})`);
    return null;
  }
  // electron-builder writes the release feed there only when it knew the GitHub repository (its git remote).
  if (feed.kind === 'release' && !existsSync(path.join(process.resourcesPath, 'app-update.yml'))) {
    log.info('update: automatic updates are off (this build was made without a release feed)');
    return null;
  }
  const updater = autoUpdater;
  updater.logger = { info: (message: unknown) => log.info('updater:', message), warn: (message: unknown) => log.warn('updater:', message), error: (message: unknown) => log.warn('updater:', message) };
  updater.autoDownload = true;
  updater.allowPrerelease = false;
  updater.allowDowngrade = false;
  if (feed.kind === 'dev-feed') useDevFeed(updater, feed.url, dataDir);
  if (!updater.isUpdaterActive()) {
    log.info('update: this installation cannot update itself (not an installer-managed build)');
    return null;
  }
  return {
    async check() {
      const result = await updater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      const downloaded = result.downloadPromise ?? updater.downloadUpdate();
      // The service awaits it; this keeps a failure that lands before it does from counting as unhandled.
      downloaded.catch(() => undefined);
      return { update: { version: result.updateInfo.version, releaseNotes: result.updateInfo.releaseNotes }, downloaded };
    },
    // Silent install, then the new version starts: "Restart to update" shows no installer wizard.
    install: () => updater.quitAndInstall(true, true),
    setInstallOnQuit: (on) => {
      updater.autoInstallOnAppQuit = on;
    },
  };
}

/** The app's update service: this build's feed (update-feed.ts), electron-updater, and the Settings switch. */
export function createUpdateService(settings: SettingsService, dataDir: string): UpdateService {
  const feed = updateFeed(app.isPackaged, process.env);
  return new UpdateService({
    port: createUpdaterPort(feed, dataDir),
    firstCheckDelayMs: feed.kind === 'dev-feed' ? feed.firstCheckDelayMs : undefined,
    clock: SYSTEM_CLOCK,
    setting: {
      get: () => settings.get().autoUpdate,
      onChange: (listener) => settings.onChange((next, changed) => changed.includes('autoUpdate') && listener(next.autoUpdate)),
    },
    log,
  });
}
