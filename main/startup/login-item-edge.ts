import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { log } from '../log.ts';
import { applyLaunchAtLogin, launchCommand } from './login-item.ts';

/** Applies settings.launchAtLogin to the OS; a failure is logged, never fatal. */
export function syncLaunchAtLogin(enabled: boolean): void {
  try {
    applyLaunchAtLogin(enabled, {
      platform: process.platform,
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
      command: launchCommand({ exe: app.getPath('exe'), appPath: app.getAppPath(), isPackaged: app.isPackaged, env: process.env }),
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
