import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { log } from '../log.ts';
import { applyLaunchAtLogin } from './login-item.ts';

/** How this copy of the app is started: the AppImage, the installed binary, or Electron plus the app folder. */
function launchCommand(): string[] {
  const appImage = process.env['APPIMAGE'];
  if (appImage) return [appImage];
  if (app.isPackaged) return [process.execPath];
  return [process.execPath, path.resolve(process.argv[1] ?? '.')];
}

/** Applies settings.launchAtLogin to the OS; a failure is logged, never fatal. */
export function syncLaunchAtLogin(enabled: boolean): void {
  try {
    applyLaunchAtLogin(enabled, {
      platform: process.platform,
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
      command: launchCommand(),
      appName: app.getName(),
      env: process.env,
      files: {
        write: (file, text) => {
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text, { mode: 0o644 });
        },
        remove: (file) => rmSync(file, { force: true }),
        exists: (file) => existsSync(file),
      },
    });
  } catch (error) {
    log.warn('could not change the launch-at-login setting', error);
  }
}
