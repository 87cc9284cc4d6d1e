import { expect } from 'vitest';
import { FAKE_API_KEY, FAKE_API_SECRET } from '../../../e2e/fake-kraken/fixtures.ts';
import { KrakenError } from '../errors.ts';
import type { KrakenClientOptions } from '../client.ts';
import type { NonceStore } from '../nonce.ts';
import type { VirtualTime } from './virtual-time.ts';

/** A client of the fake Kraken's funded key on virtual time: no real waiting, jitter fixed at its middle. */
export function fakeKeyOptions(baseUrl: string, time: VirtualTime, nonceStore: NonceStore): KrakenClientOptions {
  return { apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl, now: time.now, sleep: time.sleep, random: () => 0.5, nonceStore };
}

/** The KrakenError a call failed with (the test fails if it succeeded or threw anything else). */
export async function krakenFailure(promise: Promise<unknown>): Promise<KrakenError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KrakenError);
  return error as KrakenError;
}
