import { z } from 'zod';
import type { AccountSummary } from '../../ipc/contract.ts';
import { findJsonObjects } from '../persistence/json-objects.ts';

/**
 * The vault's store file ('accounts.json'):
 *   { "accounts": [StoredAccount, …], "weakProtection": WeakProtectionChoice }
 * `sealed` is the base64 of the safeStorage ciphertext of the account's Credentials as JSON: the API key,
 * the private key and the 2FA password never appear in this file in clear.
 */
export const ACCOUNTS_KEY = 'accounts';
export const WEAK_PROTECTION_KEY = 'weakProtection';

export const storedAccountSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  /** keyFingerprint() of the API key (kraken:<hex>): matches duplicates and keys the nonce store. '' for demo. */
  fingerprint: z.string(),
  addedAt: z.string(),
  hasOtp: z.boolean(),
  demo: z.boolean(),
  lastCheck: z.object({ at: z.string(), ok: z.boolean(), message: z.string().optional() }).strict().nullable(),
  sealed: z.string().nullable(),
}).strict();

export type StoredAccount = z.infer<typeof storedAccountSchema>;

/** The user's explicit acceptance of weak (fixed-password) protection, remembered for good. */
export const weakProtectionChoiceSchema = z.object({ acceptedAt: z.string(), backend: z.string() }).strict();

export type WeakProtectionChoice = z.infer<typeof weakProtectionChoiceSchema>;

// Cheap key checks first: a damaged file can hold many objects, and most are not records at all.
const isStoredAccount = (value: unknown): value is StoredAccount =>
  hasKeys(value, 'id', 'sealed') && storedAccountSchema.safeParse(value).success;
const isWeakChoice = (value: unknown): value is WeakProtectionChoice =>
  hasKeys(value, 'acceptedAt', 'backend') && weakProtectionChoiceSchema.safeParse(value).success;

function hasKeys(value: unknown, ...keys: string[]): boolean {
  return typeof value === 'object' && value !== null && keys.every((key) => Object.hasOwn(value, key));
}

/** Every complete account in a damaged vault file, wherever it sits, and the weak-protection choice. */
export function salvageVaultFile(damagedText: string): Record<string, unknown> {
  const seen = new Set<string>();
  const accounts: StoredAccount[] = [];
  let choice: WeakProtectionChoice | undefined;
  const isRecord = (value: unknown): value is StoredAccount | WeakProtectionChoice => isStoredAccount(value) || isWeakChoice(value);
  for (const found of findJsonObjects(damagedText, isRecord)) {
    if (!('sealed' in found)) choice ??= found;
    else if (!seen.has(found.id)) {
      seen.add(found.id);
      accounts.push(found);
    }
  }
  return choice === undefined ? { [ACCOUNTS_KEY]: accounts } : { [ACCOUNTS_KEY]: accounts, [WEAK_PROTECTION_KEY]: choice };
}

/** How many accounts a damaged vault file seems to have held, for the notice: each starts with its "id". */
export function countAccountsIn(damagedText: string): number {
  return damagedText.split('"id"').length - 1;
}

/** What the rest of the app may know of a stored account (AccountSummary): no ciphertext, a short fingerprint. */
export function toSummary(account: StoredAccount): AccountSummary {
  return {
    id: account.id,
    label: account.label,
    keyFingerprint: shortFingerprint(account.fingerprint),
    addedAt: account.addedAt,
    hasOtp: account.hasOtp,
    demo: account.demo,
    lastCheck: account.lastCheck && { ...account.lastCheck },
  };
}

/** 8 hex digits of the key's SHA-256: enough to tell keys apart, nothing to learn the key from. */
function shortFingerprint(fingerprint: string): string {
  return fingerprint.replace(/^kraken:/, '').slice(0, 8);
}

/** The one demo account: no key, its balances made up offline. */
export function demoAccount(id: string, addedAt: string): StoredAccount {
  return { id, label: 'Demo account', fingerprint: '', addedAt, hasOtp: false, demo: true, lastCheck: null, sealed: null };
}
