import { safeStorage } from 'electron';
import type { StorageProtection } from '../ipc/contract.ts';

/**
 * How well safeStorage protects data on this machine. Linux without a keyring falls back to
 * 'basic_text' (a hard-coded password): encrypted in name only, so it is reported as 'weak'.
 */
export async function readStorageProtection(weakAccepted: boolean): Promise<StorageProtection> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return { backend: 'none', level: 'unavailable', weakAccepted };
  const backend = platformBackend();
  return { backend, level: backend === 'basic_text' ? 'weak' : 'os', weakAccepted };
}

function platformBackend(): string {
  switch (process.platform) {
    case 'darwin':
      return 'keychain';
    case 'win32':
      return 'dpapi';
    default:
      return safeStorage.getSelectedStorageBackend();
  }
}
