import type { AccountSummary, VerificationTier } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { createKrakenClient, type KrakenClient, type NonceStore } from '../kraken/index.ts';
import { keyCheckError } from './key-check.ts';
import type { Credentials } from './key-shape.ts';
import type { CheckedKey } from './vault.ts';

/** The part of the Vault this module needs. */
export interface CredentialSource {
  get(id: string): AccountSummary | undefined;
  credentials(id: string): Promise<Credentials>;
  onChange(listener: (accounts: AccountSummary[]) => void): () => void;
}

export interface AccountClientsDeps {
  vault: CredentialSource;
  makeClient(credentials: Credentials, tier: VerificationTier): KrakenClient;
  /** The tier setting now; a change rebuilds the clients with the new rate-limit budget. */
  tier(): VerificationTier;
}

export interface AccountClients {
  /** The account's long-lived client: one per account, so nonces and the rate counter are shared. */
  clientFor(accountId: string): Promise<KrakenClient>;
  /** One Balance call with a new key (Vault.add, Vault.replaceKey); its client is kept for its account, replacing any old one, or closed. */
  checkKey(credentials: Credentials): Promise<CheckedKey>;
}

interface Entry {
  tier: VerificationTier;
  client: Promise<KrakenClient>;
}

/**
 * Kraken clients for the saved accounts. A key is decrypted once, when its client is first needed; the
 * client (and with it the key) lives until the account is removed or the tier setting changes.
 */
export function createAccountClients(deps: AccountClientsDeps): AccountClients {
  const byAccount = new Map<string, Entry>();

  const build = async (accountId: string, tier: VerificationTier): Promise<KrakenClient> =>
    deps.makeClient(await deps.vault.credentials(accountId), tier);

  const drop = (accountId: string): void => {
    const entry = byAccount.get(accountId);
    byAccount.delete(accountId);
    entry?.client.then((client) => client.close(), () => undefined);
  };

  deps.vault.onChange((accounts) => {
    const live = new Set(accounts.map((account) => account.id));
    for (const id of [...byAccount.keys()]) if (!live.has(id)) drop(id);
  });

  return {
    clientFor(accountId) {
      const account = deps.vault.get(accountId);
      if (!account) return Promise.reject(new AppError('account-not-found', 'This account no longer exists.'));
      if (account.demo) return Promise.reject(new AppError('demo-account', 'The demo account has no API key; its balances are made up offline.'));
      const tier = deps.tier();
      const cached = byAccount.get(accountId);
      if (cached?.tier === tier) return cached.client;
      if (cached) drop(accountId);
      const client = build(accountId, tier);
      byAccount.set(accountId, { tier, client });
      // A failed decrypt is not cached: the next call tries again (the keyring may have been unlocked).
      client.catch(() => {
        if (byAccount.get(accountId)?.client === client) byAccount.delete(accountId);
      });
      return client;
    },
    async checkKey(credentials) {
      const tier = deps.tier();
      const client = deps.makeClient(credentials, tier);
      try {
        await client.balance();
      } catch (error) {
        client.close();
        throw keyCheckError(error, credentials.otp !== undefined);
      }
      // The vault keeps the client for the account it saves, or discards it (the key could not be sealed or
      // saved): then it is closed and forgotten, so no client holds a key that belongs to no account.
      const entry: Entry = { tier, client: Promise.resolve(client) };
      let keptFor: string | null = null;
      let discarded = false;
      return {
        keep: (accountId) => {
          if (discarded || keptFor !== null) return;
          keptFor = accountId;
          // An account whose key was updated: its old client is closed, and with it the old key's lane,
          // lockout and nonces; the next signed call goes out under the new key's own nonce mark.
          drop(accountId);
          byAccount.set(accountId, entry);
        },
        discard: () => {
          if (discarded) return;
          discarded = true;
          if (keptFor !== null && byAccount.get(keptFor) === entry) byAccount.delete(keptFor);
          client.close();
        },
      };
    },
  };
}

export interface ClientFactoryOptions {
  nonceStore: NonceStore;
  /** resolveBaseUrl: api.kraken.com in an installed app; the fake Kraken in tests. */
  baseUrl: string;
  /** What carries the requests: Electron's net.fetch in the app (main/net-fetch.ts). */
  fetch: typeof fetch;
}

/** How the app builds a Kraken client for a key: persistent nonces, the user's tier, the right host. */
export function krakenClientFactory(options: ClientFactoryOptions): AccountClientsDeps['makeClient'] {
  return (credentials, tier) => {
    const { otp } = credentials;
    return createKrakenClient({
      apiKey: credentials.apiKey,
      apiSecret: credentials.apiSecret,
      ...(otp === undefined ? {} : { otp: () => otp }),
      baseUrl: options.baseUrl,
      nonceStore: options.nonceStore,
      fetch: options.fetch,
      tier,
    });
  };
}
