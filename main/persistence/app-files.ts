import { ACCOUNTS_KEY, countAccountsIn, salvageVaultFile } from '../vault/vault-file.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { salvageFields } from './json-salvage.ts';
import { damagedFileNotice, openStore } from './open-store.ts';

/** The app's store files in the data folder (history.json has its own format: main/history/history-file.ts). */
export interface AppFiles {
  /** settings.json: the user's settings. */
  readonly settings: KeyValueStore;
  /** accounts.json: the saved accounts, keys only as OS-sealed ciphertext (main/vault/vault-file.ts). */
  readonly accounts: KeyValueStore;
  /** nonces.json: the last nonce used per key, so a restart never reuses one. */
  readonly nonces: KeyValueStore;
  /** One sentence per file that was damaged: the copy kept, and what the app could recover. */
  readonly notices: readonly string[];
}

/**
 * Opens every store file; a damaged one is copied aside, salvaged and reported, never fatal
 * (persistence/damaged-file.ts). What the user is told about each file is written here.
 */
export function openAppFiles(dataDir: string): AppFiles {
  const notices: string[] = [];
  const settings = openStore(dataDir, 'settings', salvageFields);
  if (settings.repair) {
    notices.push(damagedFileNotice(settings.repair, 'Your settings file', 'kept every setting it could still read; the others are back to their defaults.'));
  }
  const accounts = openStore(dataDir, 'accounts', salvageVaultFile);
  if (accounts.repair) {
    const salvaged = accounts.repair.recovered[ACCOUNTS_KEY];
    const recovered = Array.isArray(salvaged) ? salvaged.length : 0;
    const held = Math.max(recovered, countAccountsIn(accounts.repair.damagedText));
    notices.push(damagedFileNotice(accounts.repair, 'The file with your saved API keys', recoveredSentence(recovered, held)));
  }
  const nonces = openStore(dataDir, 'nonces', salvageFields);
  if (nonces.repair) {
    notices.push(damagedFileNotice(nonces.repair, 'The file where the app remembers its last request number (nonce) for each key',
      'kept every number it could still read. If Kraken reports an invalid nonce, refresh once more.'));
  }
  return { settings: settings.store, accounts: accounts.store, nonces: nonces.store, notices };
}

function recoveredSentence(recovered: number, held: number): string {
  if (held === 0) return 'started with no saved accounts. Add your keys again.';
  if (recovered === held) return `recovered ${held === 1 ? 'the saved account' : `all ${held} saved accounts`}.`;
  const missing = held - recovered;
  return `recovered ${recovered} of the ${held} saved accounts. Add the ${missing === 1 ? 'missing key' : `${missing} missing keys`} again.`;
}
