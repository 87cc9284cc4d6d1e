import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AccountCheck, AccountSummary, AddAccountRequest, RenameAccountRequest, StorageProtection, UpdateKeyRequest, WeakProtectionConsent } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { keyFingerprint } from '../kraken/index.ts';
import { forgetSecrets, registerSecrets } from '../log.ts';
import type { KeyValueStore } from '../persistence/key-value-store.ts';
import { describeProtection, storageUnavailableError, weakProtectionDeclinedError } from '../storage-protection.ts';
import { normalizeCredentials, normalizeLabel, otpOf, type Credentials } from './key-shape.ts';
import { openCredentials, sealCredentials, sealForSaving } from './sealed-credentials.ts';
import type { SecretCipher } from './secret-cipher.ts';
import { ACCOUNTS_KEY, demoAccount, storedAccountSchema, toSummary, type StoredAccount } from './vault-file.ts';
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
      const credentials = action === 'reseal' ? await this.credentials(id).catch(() => null) : null;
      if (credentials !== null && (await this.reseal(id, credentials, true))) resealed += 1;
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
    return this.checkThenStore(`adding:${fingerprint}`, credentials, (checked) => this.store(label, credentials, fingerprint, checked));
  }

  /**
   * "Update key": a new key for a saved account, checked as a new key is (shape, protection, a Balance call) before anything
   * is replaced: on failure the old key stays; on success the account keeps its id, name and history, the old client is closed.
   */
  async replaceKey(request: UpdateKeyRequest): Promise<AccountSummary> {
    const account = this.require(request.id);
    if (account.demo) throw new AppError('demo-account', 'The demo account has no API key to update.');
    const credentials = normalizeCredentials(request);
    const fingerprint = keyFingerprint(credentials.apiKey);
    this.assertNotDuplicate(fingerprint, account.id);
    // On success the new 2FA password is registered for the account in place of the old key's.
    return this.checkThenStore(`updating:${account.id}`, credentials, (checked) => this.storeReplacement(account.id, credentials, fingerprint, checked));
  }

  /** Listeners drop what the account's old key started (clients, streams, results in flight) before the list change announces the new one. */
  onKeyReplaced(listener: (accountId: string) => void): () => void {
    this.events.on('key-replaced', listener);
    return () => this.events.off('key-replaced', listener);
  }

  /**
   * The private key is scrubbed from logs by its shape. The 2FA password has none, so it is registered (as
   * `pending`) only now that its shape was accepted (a page cannot blank log words by sending them as one),
   * for the account once the key is stored, and forgotten again unless it is.
   */
  private async checkThenStore(pending: string, credentials: Credentials, store: (checked: CheckedKey) => Promise<AccountSummary>): Promise<AccountSummary> {
    registerSecrets(pending, otpOf(credentials));
    try {
      const account = await this.verifyAndStore(credentials, store);
      registerSecrets(account.id, otpOf(credentials));
      return account;
    } finally {
      forgetSecrets(pending);
    }
  }

  private async verifyAndStore(credentials: Credentials, store: (checked: CheckedKey) => Promise<AccountSummary>): Promise<AccountSummary> {
    const protection = await this.protection();
    if (protection.level === 'unavailable') throw storageUnavailableError();
    // The weak-protection question comes only once the key has checked out: a wrong key is fixed first.
    const checked = await this.deps.checkKey(credentials);
    try {
      await this.consentIfWeak(protection);
      return await store(checked);
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
    const sealed = await sealForSaving(this.deps.cipher, credentials);
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

  private async storeReplacement(id: string, credentials: Credentials, fingerprint: string, checked: CheckedKey): Promise<AccountSummary> {
    const sealed = await sealForSaving(this.deps.cipher, credentials);
    const account = this.require(id); // it may have been removed while Kraken answered
    this.assertNotDuplicate(fingerprint, id);
    const replaced: StoredAccount = { ...account, fingerprint, hasOtp: credentials.otp !== undefined, lastCheck: { at: this.deps.now().toISOString(), ok: true }, sealed };
    checked.keep(id); // in place of the old key's client, which is closed
    this.events.emit('key-replaced', id);
    this.save(this.accounts.map((a) => (a.id === id ? replaced : a)));
    return toSummary(replaced);
  }

  /** The one demo account (no key; its balances are made up offline), created on first request. */
  addDemo(): AccountSummary {
    const existing = this.accounts.find((account) => account.demo);
    if (existing) return toSummary(existing);
    const account = demoAccount(this.deps.newId(), this.deps.now().toISOString());
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
    const { credentials, shouldReEncrypt } = await openCredentials(this.deps.cipher, account.sealed, account.label);
    registerSecrets(id, otpOf(credentials));
    if (shouldReEncrypt) await this.reseal(id, credentials);
    return credentials;
  }

  /**
   * Seals a key again (Electron asked for it: shouldReEncrypt) and keeps it; with `onlyStrongly`, only when
   * a keyring now protects it (withdrawing weak protection). False when nothing was kept.
   */
  private async reseal(id: string, credentials: Credentials, onlyStrongly = false): Promise<boolean> {
    const sealed = await sealCredentials(this.deps.cipher, credentials).catch(() => null);
    if (sealed === null || !this.find(id) || (onlyStrongly && this.deps.cipher.sealedWeakly(Buffer.from(sealed, 'base64')))) return false;
    this.save(this.accounts.map((a) => (a.id === id ? { ...a, sealed } : a)), false);
    return true;
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

  /** `except`: the account whose key is being updated may be given its own key again (a new 2FA password). */
  private assertNotDuplicate(fingerprint: string, except?: string): void {
    const existing = this.accounts.find((account) => account.fingerprint === fingerprint && account.id !== except);
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
