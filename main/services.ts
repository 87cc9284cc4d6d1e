import { app } from 'electron';
import Store from 'electron-store';
import { SettingsService } from './settings/settings-service.ts';

/** Everything main runs, created once after 'ready' and handed to the routes, tray and scheduler. */
export interface Services {
  settings: SettingsService;
  startupNotices: string[];
}

export function createServices(): Services {
  const startupNotices: string[] = [];
  const settingsStore = new Store({ name: 'settings', cwd: app.getPath('userData') });
  return {
    settings: new SettingsService(settingsStore),
    startupNotices,
  };
}
