import { keyFingerprint } from './key-fingerprint.ts';

/** Synchronous so a nonce is persisted before the request that uses it leaves the machine. */
export interface NonceStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export function createMemoryNonceStore(): NonceStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
  };
}

const MAX_NONCE = (1n << 64n) - 1n;

export interface NonceSource {
  /** Next nonce as a decimal string; strictly greater than every nonce issued or stored for this key. */
  next(): string;
}

/**
 * Millisecond timestamps bumped to max(now, last + 1). The high-water mark is re-read from the store
 * every time, so it survives restarts, a clock that jumps back, and two clients sharing one store.
 */
export function createNonceSource(apiKey: string, store: NonceStore, now: () => number): NonceSource {
  const storeKey = keyFingerprint(apiKey);
  let last = 0n;
  return {
    next() {
      const stored = parseStored(store.get(storeKey));
      const clock = BigInt(Math.max(0, Math.floor(now())));
      let candidate = clock;
      if (candidate <= last) candidate = last + 1n;
      if (candidate <= stored) candidate = stored + 1n;
      if (candidate > MAX_NONCE) throw new RangeError('nonce exhausted the 64-bit range');
      last = candidate;
      const text = candidate.toString();
      store.set(storeKey, text);
      return text;
    },
  };
}

function parseStored(value: string | undefined): bigint {
  // A corrupted entry is ignored rather than fatal: the clock still moves us forward.
  if (value === undefined || !/^\d{1,20}$/.test(value)) return 0n;
  return BigInt(value);
}
