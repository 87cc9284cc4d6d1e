import { app } from 'electron';
import { createRefreshServices, type RefreshServices } from './balances/refresh-services.ts';
import { salvageFields } from './persistence/json-salvage.ts';
import { damagedFileNotice, openStore } from './persistence/open-store.ts';
import { SettingsService } from './settings/settings-service.ts';
import type { AccountClients } from './vault/account-clients.ts';
import { openVault } from './vault/open-vault.ts';
import type { Vault } from './vault/vault.ts';

/** Everything main runs, created once after 'ready' and handed to the routes, tray and scheduler. */
export interface Services extends RefreshServices {
  settings: SettingsService;
  /** The saved Kraken keys, encrypted by the OS; AccountSummary out, never a secret. */
  vault: Vault;
  /** One long-lived Kraken client per account (for the balances/refresh engine). */
  accountClients: AccountClients;
  startupNotices: string[];
}

export function createServices(): Services {
  const startupNotices: string[] = [];
  const dataDir = app.getPath('userData');
  const settingsFile = openStore(dataDir, 'settings', salvageFields);
  if (settingsFile.repair) {
    startupNotices.push(damagedFileNotice(settingsFile.repair, 'Your settings file', 'kept every setting it could still read; the others are back to their defaults.'));
  }
  const settings = new SettingsService(settingsFile.store);
  const { vault, accountClients } = openVault({ dataDir, tier: () => settings.get().tier, notices: startupNotices });
  // Balances (refreshed by the scheduler), history and change notifications; refreshing starts with balances.start().
  const refresh = createRefreshServices({ dataDir, settings, vault, accountClients, notices: startupNotices });
  return {
    ...refresh,
    settings,
    vault,
    accountClients,
    startupNotices,
  };
}
