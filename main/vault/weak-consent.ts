import type { WeakProtectionConsent } from '../../ipc/contract.ts';
import type { KeyValueStore } from '../persistence/key-value-store.ts';
import { WEAK_PROTECTION_KEY, weakProtectionChoiceSchema } from './vault-file.ts';

/**
 * The user's consent to weak protection, in the vault's store (accounts.json, key 'weakProtection'), checked
 * against its schema when read: a hand-edited or damaged entry is no consent. Given only through main's
 * native dialog (Vault.add asks), for one backend; withdrawn from Settings (Vault.withdrawWeakProtection).
 */
export class WeakConsentStore {
  private readonly store: KeyValueStore;
  private readonly now: () => Date;

  constructor(store: KeyValueStore, now: () => Date) {
    this.store = store;
    this.now = now;
  }

  current(): WeakProtectionConsent | null {
    const parsed = weakProtectionChoiceSchema.safeParse(this.store.get(WEAK_PROTECTION_KEY));
    return parsed.success ? parsed.data : null;
  }

  record(backend: string): void {
    this.store.set(WEAK_PROTECTION_KEY, { acceptedAt: this.now().toISOString(), backend } satisfies WeakProtectionConsent);
  }

  withdraw(): void {
    this.store.delete(WEAK_PROTECTION_KEY);
  }
}
