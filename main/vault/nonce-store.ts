import type { NonceStore } from '../kraken/index.ts';
import type { KeyValueStore } from '../persistence/key-value-store.ts';

/**
 * Nonce high-water marks per key fingerprint, in their own store file. Marks only ever go up and are
 * never deleted, not even with the account: a key added again must never reuse a lower nonce.
 */
export function createPersistentNonceStore(store: KeyValueStore): NonceStore {
  // A mark garbled on disk is ignored rather than fatal: the clock still moves nonces forward.
  const read = (key: string): string | undefined => {
    const value = store.get(key);
    return typeof value === 'string' && /^\d{1,20}$/.test(value) ? value : undefined;
  };
  return {
    get: read,
    set(key, value) {
      const current = read(key);
      if (current === undefined || BigInt(value) > BigInt(current)) store.set(key, value);
    },
  };
}

