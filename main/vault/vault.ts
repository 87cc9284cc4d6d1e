import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AccountCheck, AccountSummary, AddAccountRequest, RenameAccountRequest, StorageProtection, WeakProtectionConsent } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { keyFingerprint } from '../kraken/index.ts';
import { forgetSecrets, registerSecrets } from '../log.ts';
import type { KeyValueStore } from '../persistence/key-value-store.ts';
import { describeProtection, storageUnavailableError, weakProtectionDeclinedError } from '../storage-protection.ts';
import { normalizeCredentials, normalizeLabel, parseCredentials, type Credentials } from './key-shape.ts';
import { KeyringLockedError, type SecretCipher } from './secret-cipher.ts';
import { ACCOUNTS_KEY, storedAccountSchema, toSummary, type StoredAccount } from './vault-file.ts';
import { WeakConsentStore } from './weak-consent.ts';

/** A key that passed its check: the client that checked it is kept for the new account, or closed. */
export interface CheckedKey {
  keep(accountId: string): void;
  discard(): void;
}

export interface VaultDeps {
  store: KeyValueStore;
  cipher: SecretCipher;
  /** Proves a key works (one Balance call) or throws an AppError naming what is wrong. */
  checkKey(credentials: Credentials): Promise<CheckedKey>;
  /** Asks the user, in main's native dialog, to store keys with weak protection on this backend (none: never consents). */
  askWeakConsent?: (backend: string) => Promise<boolean>;
  now?: () => Date;
  newId?: () => string;
}

const DEFAULT_LABEL = 'Kraken account';
const DEMO_LABEL = 'Demo account';

/**
 * The saved Kraken keys ("accounts"). Each key is encrypted by the OS (SecretCipher) before it is stored;
 * the rest of the app sees AccountSummary only, and only account-clients.ts asks for the decrypted key.
 */
export class Vault {
  private readonly deps: Required<VaultDeps>;
  private readonly events = new EventEmitter();
  private accounts: StoredAccount[];
  /** Entries this version cannot read (a hand edit, a newer app): never shown, never dropped from the file. */
  private readonly unreadable: unknown[];
  private readonly consent: WeakConsentStore;

  constructor(deps: VaultDeps) {
    this.deps = { now: () => new Date(), newId: randomUUID, askWeakConsent: () => Promise.resolve(false), ...deps };
    this.consent = new WeakConsentStore(this.deps.store, this.deps.now);
    const stored = this.deps.store.get(ACCOUNTS_KEY);
    const entries = Array.isArray(stored) ? (stored as unknown[]) : stored === undefined ? [] : [stored];
    this.accounts = [];
    this.unreadable = [];
    for (const entry of entries) {
      const parsed = storedAccountSchema.safeParse(entry);
      if (parsed.success) this.accounts.push(parsed.data);
      else this.unreadable.push(entry);
    }
  }

  /** For the start-up notices: stored entries this version could not read (kept in the file untouched). */
  get notice(): string | null {
    const n = this.unreadable.length;
    if (n === 0) return null;
    return `${n === 1 ? 'One saved account' : `${n} saved accounts`} could not be read by this version of the app. ` +
      `${n === 1 ? 'It is' : 'They are'} not shown, and ${n === 1 ? 'it stays' : 'they stay'} in the file untouched.`;
  }

  list(): AccountSummary[] {
    return this.accounts.map(toSummary);
  }

  get(id: string): AccountSummary | undefined {
    const account = this.find(id);
    return account && toSummary(account);
  }

  async protection(): Promise<StorageProtection> {
    return describeProtection(await this.deps.cipher.status(), this.consent.current());
  }

  /** The keys sealed with the built-in password, and whether withdrawing the consent deletes them or a keyring re-seals them. */
  async weakProtectionImpact(): Promise<{ consent: WeakProtectionConsent | null; action: 'remove' | 'reseal'; accounts: AccountSummary[] }> {
    const protection = await this.protection();
    const weak = this.accounts.filter((a) => a.sealed !== null && this.deps.cipher.sealedWeakly(Buffer.from(a.sealed, 'base64')));
    return { consent: protection.weakConsent, action: protection.level === 'os' ? 'reseal' : 'remove', accounts: weak.map(toSummary) };
  }

  /** Withdraws the consent (main asked natively first): each weakly sealed key is re-sealed by a keyring, or deleted. */
  async withdrawWeakProtection(): Promise<{ removed: number; resealed: number }> {
    const { action, accounts } = await this.weakProtectionImpact();
    this.consent.withdraw();
    let resealed = 0;
    for (const { id } of accounts) {
      if (action === 'reseal' && (await this.resealStrongly(id))) resealed += 1;
      else if (this.find(id)) this.remove(id);
    }
    return { removed: accounts.length - resealed, resealed };
  }

  /** Checks the key's shape, the storage protection and the key itself with Kraken, then stores it encrypted. */
  async add(request: AddAccountRequest): Promise<AccountSummary> {
    const label = normalizeLabel(request.label);
    const credentials = normalizeCredentials(request);
    const fingerprint = keyFingerprint(credentials.apiKey);
    this.assertNotDuplicate(fingerprint);
    // The private key is scrubbed from logs by its shape. The 2FA password has none, so it is registered
    // only now that its shape was accepted (a page cannot blank log words by sending them as one), and
    // forgotten again unless the key ends up saved.
    const pending = `adding:${fingerprint}`;
    registerSecrets(pending, credentials.otp === undefined ? [] : [credentials.otp]);
    try {
      const account = await this.checkAndStore(label, credentials, fingerprint);
      registerSecrets(account.id, credentials.otp === undefined ? [] : [credentials.otp]);
      return account;
    } finally {
      forgetSecrets(pending);
    }
  }

  private async checkAndStore(label: string, credentials: Credentials, fingerprint: string): Promise<AccountSummary> {
    const protection = await this.protection();
    if (protection.level === 'unavailable') throw storageUnavailableError();
    // The weak-protection question comes only once the key has checked out: a wrong key is fixed first.
    const checked = await this.deps.checkKey(credentials);
    try {
      await this.consentIfWeak(protection);
      return await this.store(label, credentials, fingerprint, checked);
    } catch (error) {
      checked.discard();
      throw error;
    }
  }

  /** Weak protection needs the user's consent for this backend, asked in main's native dialog, never the page's word. */
  private async consentIfWeak(protection: StorageProtection): Promise<void> {
    if (protection.level !== 'weak' || protection.weakAccepted) return;
    if (!(await this.deps.askWeakConsent(protection.backend))) throw weakProtectionDeclinedError();
    this.consent.record(protection.backend);
  }

  private async store(label: string, credentials: Credentials, fingerprint: string, checked: CheckedKey): Promise<AccountSummary> {
    const sealed = await this.seal(credentials).catch((error: unknown) => {
      throw new AppError('encryption-failed', 'The system keyring refused to encrypt the key, so it was not saved.', {
        hint: 'Unlock your keyring (it may be asking for your password), then add the key again.',
        cause: error,
      });
    });
    this.assertNotDuplicate(fingerprint); // the same key may have been added while Kraken answered
    const now = this.deps.now().toISOString();
    const account: StoredAccount = {
      id: this.deps.newId(),
      label: label || this.freeDefaultLabel(),
      fingerprint,
      addedAt: now,
      hasOtp: credentials.otp !== undefined,
      demo: false,
      lastCheck: { at: now, ok: true },
      sealed,
    };
    // Kept before the save announces the account, so whatever the announcement starts uses this client.
    checked.keep(account.id);
    this.save([...this.accounts, account]);
    return toSummary(account);
  }

  /** The one demo account (no key; its balances are made up offline), created on first request. */
  addDemo(): AccountSummary {
    const existing = this.accounts.find((account) => account.demo);
    if (existing) return toSummary(existing);
    const account: StoredAccount = {
      id: this.deps.newId(),
      label: DEMO_LABEL,
      fingerprint: '',
      addedAt: this.deps.now().toISOString(),
      hasOtp: false,
      demo: true,
      lastCheck: null,
      sealed: null,
    };
    this.save([...this.accounts, account]);
    return toSummary(account);
  }

  rename({ id, label }: RenameAccountRequest): AccountSummary {
    const account = this.require(id);
    const next = normalizeLabel(label);
    if (next === '') throw new AppError('invalid-label', 'Give the account a name.', { field: 'label' });
    const renamed = { ...account, label: next };
    this.save(this.accounts.map((a) => (a.id === id ? renamed : a)));
    return toSummary(renamed);
  }

  /** Forgets the key. Its nonce high-water mark stays (nonce store), so re-adding it never reuses a nonce. */
  remove(id: string): void {
    this.require(id);
    this.save(this.accounts.filter((a) => a.id !== id));
    forgetSecrets(id);
  }

  /**
   * The outcome of the latest refresh that said something about this account's key (BalancesService).
   * Announced only when the outcome changes, so a refresh every minute does not re-send the account list
   * every minute; a success after a success is not even written (a key that works keeps the time it was
   * first seen working), so the accounts file is not rewritten at every refresh.
   */
  recordCheck(id: string, check: AccountCheck): void {
    const account = this.find(id);
    if (!account) return; // removed while its refresh was in flight
    const lastCheck = check.message === undefined ? { at: check.at, ok: check.ok } : { at: check.at, ok: check.ok, message: check.message };
    const changed = account.lastCheck?.ok !== lastCheck.ok || account.lastCheck.message !== lastCheck.message;
    if (!changed && lastCheck.ok) return;
    this.save(this.accounts.map((a) => (a.id === id ? { ...a, lastCheck } : a)), changed);
  }

  onChange(listener: (accounts: AccountSummary[]) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  /** The decrypted key; for account-clients.ts only. Its 2FA password is registered for log redaction. */
  async credentials(id: string): Promise<Credentials> {
    const account = this.require(id);
    if (account.sealed === null) throw new AppError('demo-account', 'The demo account has no API key.');
    const unreadable = new AppError('key-unreadable', `The saved key of "${account.label}" cannot be decrypted on this computer.`, {
      hint: 'This happens when the system keyring was reset or the app data was copied from another computer. Remove the account and add the key again.',
    });
    let opened: { plainText: string; shouldReEncrypt: boolean };
    try {
      opened = await this.deps.cipher.decrypt(Buffer.from(account.sealed, 'base64'));
    } catch (error) {
      if (error instanceof KeyringLockedError) {
        // Not the key's fault and nothing to remove: the refresh simply tries again (refresh-error.ts).
        throw new AppError('keyring-locked', 'Your system keyring is still locked, so the saved key cannot be read yet.', {
          hint: 'Unlock it (your desktop may be asking for your password); the app tries again on its own. If this stays, restart the app after unlocking.',
          cause: error,
        });
      }
      throw new AppError(unreadable.code, unreadable.message, { hint: unreadable.hint, cause: error });
    }
    const credentials = parseCredentials(opened.plainText);
    if (!credentials) throw unreadable;
    registerSecrets(id, credentials.otp === undefined ? [] : [credentials.otp]);
    if (opened.shouldReEncrypt) await this.reseal(id, credentials);
    return credentials;
  }

  /** Seals a key again where the keyring now protects data; false when the result would still be weak. */
  private async resealStrongly(id: string): Promise<boolean> {
    try {
      const sealed = await this.seal(await this.credentials(id));
      if (this.deps.cipher.sealedWeakly(Buffer.from(sealed, 'base64')) || !this.find(id)) return false;
      this.save(this.accounts.map((a) => (a.id === id ? { ...a, sealed } : a)), false);
      return true;
    } catch {
      return false;
    }
  }

  private async reseal(id: string, credentials: Credentials): Promise<void> {
    const sealed = await this.seal(credentials).catch(() => null);
    if (sealed !== null && this.find(id)) this.save(this.accounts.map((a) => (a.id === id ? { ...a, sealed } : a)), false);
  }

  private async seal(credentials: Credentials): Promise<string> {
    return (await this.deps.cipher.encrypt(JSON.stringify(credentials))).toString('base64');
  }

  private save(accounts: StoredAccount[], announce = true): void {
    this.deps.store.set(ACCOUNTS_KEY, [...accounts, ...this.unreadable]);
    this.accounts = accounts;
    if (announce) this.events.emit('change', this.list());
  }

  private find(id: string): StoredAccount | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  private require(id: string): StoredAccount {
    const account = this.find(id);
    if (!account) throw new AppError('account-not-found', 'This account no longer exists.', { hint: 'It may have been removed in another window. The list has been refreshed.' });
    return account;
  }

  private assertNotDuplicate(fingerprint: string): void {
    const existing = this.accounts.find((account) => account.fingerprint === fingerprint);
    if (existing) throw new AppError('duplicate-key', `This API key is already saved as "${existing.label}".`, { field: 'apiKey' });
  }

  private freeDefaultLabel(): string {
    const taken = new Set(this.accounts.map((account) => account.label));
    for (let n = 1; ; n += 1) {
      const label = n === 1 ? DEFAULT_LABEL : `${DEFAULT_LABEL} ${n}`;
      if (!taken.has(label)) return label;
    }
  }
}
