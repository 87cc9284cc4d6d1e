import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ASSETS, DEFAULT_PAIRS, FAKE_API_KEY, FAKE_API_SECRET, startFakeKraken, type FakeFault, type FakeKraken } from '../../e2e/fake-kraken/index.ts';
import { createKrakenClient, createMemoryNonceStore, type KrakenClientOptions, type KrakenErrorCode, type NonceStore } from './index.ts';
import { fakeKeyOptions } from './testing/client-fixtures.ts';
import { createVirtualTime, type VirtualTime } from './testing/virtual-time.ts';

const open: FakeKraken[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

/** Fake server and client on one virtual clock, so rate limits decay without real waiting. */
async function setup(time: VirtualTime, overrides: Partial<KrakenClientOptions> = {}, store: NonceStore = createMemoryNonceStore()) {
  const fake = await startFakeKraken({ now: time.now });
  open.push(fake);
  const client = createKrakenClient({ ...fakeKeyOptions(fake.url, time, store), ...overrides });
  return { fake, client };
}

const errorsOf = (fake: FakeKraken, error: string): number => fake.calls.filter((c) => c.errors.includes(error)).length;

describe('client against the fake server', () => {
  it('1,000 concurrent balance() calls: 0 invalid nonces, 0 rate-limit errors, every call signed correctly', async () => {
    const time = createVirtualTime();
    const { fake, client } = await setup(time);
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.balance()));
    expect(results.every((r) => r['XXBT'] === '1011.1908877900')).toBe(true);
    expect(fake.calls).toHaveLength(1000);
    expect(errorsOf(fake, 'EAPI:Invalid nonce')).toBe(0);
    expect(errorsOf(fake, 'EAPI:Rate limit exceeded')).toBe(0);
    expect(fake.calls.every((c) => c.verified)).toBe(true);
    const nonces = fake.calls.map((c) => BigInt(c.nonce ?? '0'));
    expect(nonces.every((n, i) => i === 0 || n > (nonces[i - 1] ?? 0n))).toBe(true);
    // Starter tier: 15 at once, then one every ~3 s of (virtual) time.
    expect(time.slept).toBeGreaterThanOrEqual(((1000 - 15) / 0.33) * 1000);
  });

  it('Earn/Allocations is a signed call like Balance, read once per five minutes', async () => {
    const time = createVirtualTime();
    const { fake, client } = await setup(time);
    const earnCalls = () => fake.calls.filter((c) => c.path === '/0/private/Earn/Allocations');
    const [eth] = await client.earnAllocations();
    expect(eth).toMatchObject({ nativeAsset: 'ETH', allocated: '198.3970800000', unbonding: { amount: '5.0000000000' } });
    await client.earnAllocations();
    expect(earnCalls()).toHaveLength(1);
    expect(earnCalls()[0]?.verified).toBe(true);
    time.advance(5 * 60_000);
    await client.earnAllocations();
    expect(earnCalls()).toHaveLength(2);
  });

  it('two clients for one key in one process share the lane: no invalid nonce', async () => {
    const time = createVirtualTime();
    const store = createMemoryNonceStore();
    const fake = await startFakeKraken({ now: time.now, rateLimit: false });
    open.push(fake);
    const make = () => createKrakenClient({
      apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, now: time.now, nonceStore: store, enforceRateLimit: false,
    });
    const [a, b] = [make(), make()];
    await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).balance()));
    expect(fake.calls).toHaveLength(100);
    expect(errorsOf(fake, 'EAPI:Invalid nonce')).toBe(0);
  });

  it('nonces keep increasing across an app restart with the clock set back', async () => {
    const time = createVirtualTime(1_800_000_000_000);
    const store = createMemoryNonceStore();
    const { fake, client } = await setup(time, {}, store);
    for (let i = 0; i < 5; i += 1) await client.balance();
    time.set(1_800_000_000_000 - 3_600_000);
    const restarted = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, now: time.now, sleep: time.sleep, nonceStore: store });
    await expect(restarted.balance()).resolves.toBeDefined();
    expect(errorsOf(fake, 'EAPI:Invalid nonce')).toBe(0);
  });

  it('without a persisted store a restart with a slow clock is rejected, which is why the store exists', async () => {
    const time = createVirtualTime(1_800_000_000_000);
    const { fake, client } = await setup(time);
    await client.balance();
    time.set(1_800_000_000_000 - 3_600_000);
    const forgetful = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, now: time.now, sleep: time.sleep });
    await expect(forgetful.balance()).rejects.toMatchObject({ code: 'invalid-nonce' });
  });
});

type Outcome = 'recovers' | KrakenErrorCode;

const FAULT_TOUR: ReadonlyArray<readonly [string, FakeFault, Outcome]> = [
  ['EService:Busy', { type: 'kraken-error', error: 'EService:Busy' }, 'recovers'],
  ['EService:Unavailable', { type: 'kraken-error', error: 'EService:Unavailable' }, 'recovers'],
  ['EAPI:Rate limit exceeded', { type: 'kraken-error', error: 'EAPI:Rate limit exceeded' }, 'recovers'],
  ['EGeneral:Too many requests', { type: 'kraken-error', error: 'EGeneral:Too many requests' }, 'recovers'],
  ['HTML 502 page', { type: 'html', status: 502 }, 'recovers'],
  ['HTML 500 page', { type: 'html', status: 500 }, 'recovers'],
  ['HTTP 429', { type: 'too-many-requests', retryAfterSeconds: 2 }, 'recovers'],
  ['connection reset', { type: 'reset' }, 'recovers'],
  ['EAPI:Invalid key', { type: 'kraken-error', error: 'EAPI:Invalid key' }, 'invalid-key'],
  ['EAPI:Invalid signature', { type: 'kraken-error', error: 'EAPI:Invalid signature' }, 'invalid-signature'],
  ['EAPI:Invalid nonce', { type: 'kraken-error', error: 'EAPI:Invalid nonce' }, 'invalid-nonce'],
  ['EGeneral:Permission denied', { type: 'kraken-error', error: 'EGeneral:Permission denied' }, 'permission-denied'],
  ['EGeneral:Invalid arguments', { type: 'kraken-error', error: 'EGeneral:Invalid arguments:rebase_multiplier' }, 'invalid-arguments'],
  ['EGeneral:Internal error', { type: 'kraken-error', error: 'EGeneral:Internal error', status: 500 }, 'internal-error'],
  ['an unknown Kraken error', { type: 'kraken-error', error: 'EFuture:Something new' }, 'unknown'],
  ['malformed JSON', { type: 'malformed-json' }, 'bad-response'],
  ['numbers instead of strings', { type: 'raw', status: 200, body: '{"error":[],"result":{"ZUSD":171288.6158}}' }, 'bad-response'],
  ['an HTML 200 page', { type: 'raw', status: 200, body: '<html>maintenance</html>', contentType: 'text/html' }, 'bad-response'],
  ['HTTP 404', { type: 'raw', status: 404, body: 'not found', contentType: 'text/plain' }, 'http'],
  ['a slow response', { type: 'delay', ms: 3_000 }, 'timeout'],
];

describe('fault tour: every fault, then recovery', () => {
  it.each(FAULT_TOUR)('%s', async (_name, fault, outcome) => {
    const time = createVirtualTime();
    // Only the slow-response row needs a short deadline; on a loaded machine a tight one would also
    // cut off healthy answers.
    const { fake, client } = await setup(time, fault.type === 'delay' ? { timeoutMs: 250 } : {});
    fake.injectFault(fault, { path: '/0/private/Balance' });
    const first = client.balance();
    if (outcome === 'recovers') {
      await expect(first).resolves.toMatchObject({ ZUSD: '171288.6158' });
      expect(fake.calls[0]?.fault).toBe(fault.type);
      expect(time.sleeps.length).toBeGreaterThanOrEqual(1);
    } else {
      const error = await first.then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: outcome });
      expect(JSON.stringify(error)).not.toContain(FAKE_API_SECRET);
    }
    // The fault was one-off: the next refresh works.
    await expect(client.balance()).resolves.toMatchObject({ XXBT: '1011.1908877900' });
  });

  it('a fault that lasts ("always") fails with bounded retries, and clears', async () => {
    const time = createVirtualTime();
    const { fake, client } = await setup(time, { maxRetries: 2 });
    fake.injectFault({ type: 'html', status: 503 }, { always: true });
    await expect(client.balance()).rejects.toMatchObject({ code: 'service-unavailable', httpStatus: 503 });
    expect(fake.calls).toHaveLength(3);
    fake.clearFaults();
    await expect(client.balance()).resolves.toBeDefined();
  });

  it('public calls survive faults too', async () => {
    const time = createVirtualTime();
    const { fake, client } = await setup(time);
    fake.injectFault({ type: 'kraken-error', error: 'EService:Busy' }, { path: '/0/public/Ticker' });
    fake.injectFault({ type: 'reset' }, { path: '/0/public/Assets' });
    fake.injectFault({ type: 'html', status: 502 }, { path: '/0/public/AssetPairs' });
    await expect(client.assets()).resolves.toMatchObject({ size: Object.keys(DEFAULT_ASSETS).length });
    await expect(client.assetPairs()).resolves.toMatchObject({ size: DEFAULT_PAIRS.length });
    await expect(client.ticker(['XXBTZGBP'])).resolves.toMatchObject(new Map([['XXBTZGBP', expect.objectContaining({ last: '76540.00000' })]]));
  });

  it('lockout from the server stops private calls until it ends', async () => {
    const time = createVirtualTime();
    const { fake, client } = await setup(time);
    fake.injectFault({ type: 'kraken-error', error: 'EGeneral:Temporary lockout' });
    await expect(client.balance()).rejects.toMatchObject({ code: 'lockout' });
    await expect(client.balance()).rejects.toMatchObject({ code: 'lockout' });
    expect(fake.calls).toHaveLength(1);
    time.advance(15 * 60 * 1000);
    await expect(client.balance()).resolves.toBeDefined();
  });
});

describe('default nonce store', () => {
  it('is shared by clients of one key in one process, so they never collide', async () => {
    const time = createVirtualTime();
    const fake = await startFakeKraken({ now: time.now, rateLimit: false });
    open.push(fake);
    const first = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, now: time.now, enforceRateLimit: false });
    for (let i = 0; i < 20; i += 1) await first.balance();
    const second = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, now: time.now, enforceRateLimit: false });
    await expect(second.balance()).resolves.toBeDefined();
  });
});
