import { describe, expect, it } from 'vitest';
import { keyFingerprint } from './key-fingerprint.ts';
import { createMemoryNonceStore, createNonceSource, type NonceStore } from './nonce.ts';

const KEY = 'my-public-api-key';

function spyStore(): NonceStore & { writes: Array<[string, string]> } {
  const inner = createMemoryNonceStore();
  const writes: Array<[string, string]> = [];
  return {
    writes,
    get: (k) => inner.get(k),
    set: (k, v) => {
      writes.push([k, v]);
      inner.set(k, v);
    },
  };
}

const asBig = (values: string[]): bigint[] => values.map((v) => BigInt(v));
const strictlyIncreasing = (values: bigint[]): boolean => values.every((v, i) => i === 0 || v > (values[i - 1] ?? 0n));

describe('nonce source', () => {
  it('uses the millisecond clock when it is ahead', () => {
    const source = createNonceSource(KEY, createMemoryNonceStore(), () => 1_700_000_000_123);
    expect(source.next()).toBe('1700000000123');
  });

  it('strictly increases when many nonces are taken in one millisecond', () => {
    const source = createNonceSource(KEY, createMemoryNonceStore(), () => 1000);
    const values = asBig(Array.from({ length: 1000 }, () => source.next()));
    expect(strictlyIncreasing(values)).toBe(true);
    expect(values.at(-1)).toBe(1999n);
  });

  it('never goes backwards when the clock does', () => {
    let t = 5_000;
    const source = createNonceSource(KEY, createMemoryNonceStore(), () => t);
    const first = BigInt(source.next());
    t = 1_000;
    expect(BigInt(source.next())).toBe(first + 1n);
  });

  it('survives a restart through the store, even with the clock set back', () => {
    const store = createMemoryNonceStore();
    const before = createNonceSource(KEY, store, () => 9_000_000);
    const last = BigInt(before.next());
    const afterRestart = createNonceSource(KEY, store, () => 1_000);
    expect(BigInt(afterRestart.next())).toBe(last + 1n);
  });

  it('persists every nonce before handing it out, keyed by a fingerprint, not the key', () => {
    const store = spyStore();
    const source = createNonceSource(KEY, store, () => 42);
    const nonce = source.next();
    expect(store.writes).toEqual([[keyFingerprint(KEY), nonce]]);
    expect(store.writes[0]?.[0]).not.toContain(KEY);
  });

  it('keeps separate marks for separate keys', () => {
    const store = createMemoryNonceStore();
    createNonceSource('key-a', store, () => 9_000).next();
    expect(createNonceSource('key-b', store, () => 10).next()).toBe('10');
  });

  it('two clients sharing one store interleave without repeats', () => {
    const store = createMemoryNonceStore();
    const a = createNonceSource(KEY, store, () => 7);
    const b = createNonceSource(KEY, store, () => 7);
    const values = asBig(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? a : b).next()));
    expect(strictlyIncreasing(values)).toBe(true);
  });

  it('ignores a corrupted stored value instead of failing', () => {
    const store = createMemoryNonceStore();
    store.set(keyFingerprint(KEY), 'garbage');
    expect(createNonceSource(KEY, store, () => 77).next()).toBe('77');
  });

  it('handles nonces beyond 2^53 exactly', () => {
    const store = createMemoryNonceStore();
    store.set(keyFingerprint(KEY), '9007199254740993');
    expect(createNonceSource(KEY, store, () => 1).next()).toBe('9007199254740994');
  });

  it('refuses to wrap past 2^64 - 1', () => {
    const store = createMemoryNonceStore();
    store.set(keyFingerprint(KEY), '18446744073709551615');
    expect(() => createNonceSource(KEY, store, () => 1).next()).toThrow(RangeError);
  });
});
