import { createHash } from 'node:crypto';

/**
 * A key pair shaped exactly like Kraken's (API key: 56 base64 characters; private key: base64 of 64 bytes),
 * derived from `seed` so tests are repeatable. Valid nowhere but on the fake Kraken it is registered with.
 */
export function testKeyPair(seed: string): { apiKey: string; apiSecret: string } {
  const bytes = createHash('sha512').update(`kraken-balances test key ${seed}`).digest();
  return {
    apiKey: bytes.subarray(0, 42).toString('base64'),
    apiSecret: createHash('sha512').update(bytes).digest().toString('base64'),
  };
}
