import type { VerificationTier } from '../../ipc/contract.ts';
import { resolveBaseUrl } from '../kraken/index.ts';
import { salvageFields } from '../persistence/json-salvage.ts';
import { damagedFileNotice, openStore } from '../persistence/open-store.ts';
import { createAccountClients, krakenClientFactory, type AccountClients } from './account-clients.ts';
import { createPersistentNonceStore } from './nonce-store.ts';
import { createSafeStorageCipher } from './safe-storage-cipher.ts';
import { ACCOUNTS_KEY, countAccountsIn, salvageVaultFile } from './vault-file.ts';
import { Vault } from './vault.ts';

export interface OpenVaultOptions {
  dataDir: string;
  tier(): VerificationTier;
  /** Sentences for the user about files that were damaged at start-up (Services.startupNotices). */
  notices: string[];
}

/** The vault and its Kraken clients over the app's files: accounts.json (sealed keys) and nonces.json. */
export function openVault(options: OpenVaultOptions): { vault: Vault; accountClients: AccountClients } {
  const accountsFile = openStore(options.dataDir, 'accounts', salvageVaultFile);
  if (accountsFile.repair) {
    const salvaged = accountsFile.repair.recovered[ACCOUNTS_KEY];
    const recovered = Array.isArray(salvaged) ? salvaged.length : 0;
    const held = Math.max(recovered, countAccountsIn(accountsFile.repair.damagedText));
    options.notices.push(damagedFileNotice(accountsFile.repair, 'The file with your saved API keys', recoveredSentence(recovered, held)));
  }
  const noncesFile = openStore(options.dataDir, 'nonces', salvageFields);
  if (noncesFile.repair) {
    options.notices.push(damagedFileNotice(noncesFile.repair, 'The file where the app remembers its last request number (nonce) for each key',
      'kept every number it could still read. If Kraken reports an invalid nonce, refresh once more.'));
  }

  const vault = new Vault({
    store: accountsFile.store,
    cipher: createSafeStorageCipher(),
    checkKey: (credentials) => accountClients.checkKey(credentials),
  });
  const accountClients = createAccountClients({
    vault,
    makeClient: krakenClientFactory({ nonceStore: createPersistentNonceStore(noncesFile.store), baseUrl: resolveBaseUrl(process.env) }),
    tier: options.tier,
  });
  if (vault.unreadableCount > 0) {
    const n = vault.unreadableCount;
    options.notices.push(`${n === 1 ? 'One saved account' : `${n} saved accounts`} could not be read by this version of the app. ` +
      `${n === 1 ? 'It is' : 'They are'} not shown, and ${n === 1 ? 'it stays' : 'they stay'} in the file untouched.`);
  }
  return { vault, accountClients };
}

function recoveredSentence(recovered: number, held: number): string {
  if (held === 0) return 'started with no saved accounts. Add your keys again.';
  if (recovered === held) return `recovered ${held === 1 ? 'the saved account' : `all ${held} saved accounts`}.`;
  const missing = held - recovered;
  return `recovered ${recovered} of the ${held} saved accounts. Add the ${missing === 1 ? 'missing key' : `${missing} missing keys`} again.`;
}
