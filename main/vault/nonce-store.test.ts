import { describe, expect, it } from 'vitest';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import { createPersistentNonceStore } from './nonce-store.ts';

describe('createPersistentNonceStore', () => {
  it('keeps the highest mark per key and never lowers it', () => {
    const store = memoryStore();
    const nonces = createPersistentNonceStore(store);
    nonces.set('kraken:a', '1700000000000');
    nonces.set('kraken:a', '1699999999999');
    nonces.set('kraken:b', '5');
    expect(nonces.get('kraken:a')).toBe('1700000000000');
    expect(Object.fromEntries(store.data)).toEqual({ 'kraken:a': '1700000000000', 'kraken:b': '5' });
    nonces.set('kraken:a', '18446744073709551615');
    expect(nonces.get('kraken:a')).toBe('18446744073709551615');
  });

  it('ignores a garbled mark instead of failing, and replaces it with the next one', () => {
    const store = memoryStore({ 'kraken:a': 'garbage', 'kraken:b': 42 });
    const nonces = createPersistentNonceStore(store);
    expect(nonces.get('kraken:a')).toBeUndefined();
    expect(nonces.get('kraken:b')).toBeUndefined();
    nonces.set('kraken:a', '7');
    expect(nonces.get('kraken:a')).toBe('7');
  });
});
