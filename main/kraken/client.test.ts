import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BALANCES, FAKE_API_KEY, FAKE_API_SECRET, FAKE_NO_FUNDS_API_KEY, FAKE_NO_FUNDS_API_SECRET, startFakeKraken, type FakeKraken } from '../../e2e/fake-kraken/index.ts';
import { createKrakenClient, createMemoryNonceStore, resolveBaseUrl, type KrakenClientOptions } from './index.ts';
import { fakeKeyOptions, krakenFailure } from './testing/client-fixtures.ts';
import { createVirtualTime, type VirtualTime } from './testing/virtual-time.ts';

let fake: FakeKraken;
// Like the app's persisted store: the fake remembers nonces across tests, so must we.
const nonceStore = createMemoryNonceStore();
let time: VirtualTime = createVirtualTime();

beforeAll(async () => {
  fake = await startFakeKraken({ now: () => time.now() });
});
afterAll(() => fake.close());
beforeEach(() => {
  time = createVirtualTime();
  fake.clearFaults();
  fake.clearCalls();
  fake.setBalances(DEFAULT_BALANCES);
});

interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Real fetch to the fake server, keeping a copy of what was sent. */
function recordingFetch(sent: SentRequest[]): typeof fetch {
  return (input, init) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return fetch(input, init);
  };
}

function client(overrides: Partial<KrakenClientOptions> = {}) {
  return createKrakenClient({ ...fakeKeyOptions(fake.url, time, nonceStore), ...overrides });
}

const failure = krakenFailure;

describe('balance()', () => {
  it('returns every amount exactly as the server sent it', async () => {
    const balances = await client().balance();
    expect({ ...balances }).toEqual(DEFAULT_BALANCES);
    expect(Object.getPrototypeOf(balances)).toBeNull();
    expect(fake.calls.at(-1)).toMatchObject({ path: '/0/private/Balance', verified: true, bodyFormat: 'json', errors: [] });
  });

  it('sends a signed JSON body with the nonce as an unquoted integer', async () => {
    const sent: SentRequest[] = [];
    await client({ fetch: recordingFetch(sent) }).balance({ rebaseMultiplier: 'base' });
    const request = sent[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${fake.url}/0/private/Balance`);
    expect(request?.headers).toMatchObject({ 'API-Key': FAKE_API_KEY, 'Content-Type': 'application/json' });
    expect(request?.headers['API-Sign']).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(request?.body).toMatch(/^\{"nonce":\d+,"rebase_multiplier":"base"\}$/);
    expect(fake.calls.at(-1)?.verified).toBe(true);
  });

  it('puts the one-time password in the signed body', async () => {
    const sent: SentRequest[] = [];
    await client({ fetch: recordingFetch(sent), otp: () => '424242' }).balance();
    expect(sent[0]?.body).toMatch(/^\{"nonce":\d+,"otp":"424242"\}$/);
    expect(fake.calls.at(-1)?.verified).toBe(true);
  });

  it('talks to https://api.kraken.com by default', async () => {
    const urls: string[] = [];
    const offline: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response('{"error":[],"result":{}}');
    };
    await createKrakenClient({ apiKey: 'k', apiSecret: FAKE_API_SECRET, fetch: offline }).balance();
    expect(urls).toEqual(['https://api.kraken.com/0/private/Balance']);
  });

  it('a malformed secret fails before anything is sent, without echoing it', async () => {
    let called = false;
    const spy: typeof fetch = async () => {
      called = true;
      return new Response('{}');
    };
    const error = await failure(client({ apiSecret: 'this is not base64!!', fetch: spy }).balance());
    expect(error.code).toBe('invalid-secret');
    expect(JSON.stringify(error)).not.toContain('this is not base64');
    expect(called).toBe(false);
  });

  it('a key without Funds Query permission gets permission-denied with the fix', async () => {
    const error = await failure(client({ apiKey: FAKE_NO_FUNDS_API_KEY, apiSecret: FAKE_NO_FUNDS_API_SECRET }).balance());
    expect(error).toMatchObject({ code: 'permission-denied', retryable: false, krakenErrors: ['EGeneral:Permission denied'] });
    expect(error.hint).toContain('Funds permissions: Query');
  });

  it('a wrong secret gets invalid-signature, an unknown key invalid-key', async () => {
    expect((await failure(client({ apiSecret: FAKE_NO_FUNDS_API_SECRET }).balance())).code).toBe('invalid-signature');
    expect((await failure(client({ apiKey: 'nobody' }).balance())).code).toBe('invalid-key');
  });

  it('never puts the API secret in an error, even when the server echoes it', async () => {
    fake.injectFault({ type: 'kraken-error', error: `EGeneral:Odd ${FAKE_API_SECRET}` });
    const error = await failure(client().balance());
    expect(error.code).toBe('unknown');
    expect(JSON.stringify(error)).not.toContain(FAKE_API_SECRET);
    expect(error.message).not.toContain(FAKE_API_SECRET);
    expect(error.message).toContain('[redacted]');
  });

  it('never puts the 2FA password in an error either, even when the server echoes it', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EGeneral:Odd otp tr0ub4dor' });
    const error = await failure(client({ otp: () => 'tr0ub4dor' }).balance());
    expect(JSON.stringify(error)).not.toContain('tr0ub4dor');
    expect(error.krakenErrors).toEqual(['EGeneral:Odd otp [redacted]']);
  });
});

describe('retries and backoff', () => {
  it('retries EService:Busy with exponential backoff, then succeeds', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EService:Busy' }, { times: 2 });
    await expect(client().balance()).resolves.toMatchObject({ ZUSD: '171288.6158' });
    // random = 0.5 → 75 % of each step: 1000 → 750, 2000 → 1500.
    expect(time.sleeps).toEqual([750, 1500]);
    expect(fake.calls.map((c) => c.errors[0] ?? 'ok')).toEqual(['EService:Busy', 'EService:Busy', 'ok']);
  });

  it('gives up after maxRetries and reports the last error', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EService:Unavailable' }, { always: true });
    const error = await failure(client({ maxRetries: 3 }).balance());
    expect(error).toMatchObject({ code: 'service-unavailable', retryable: true });
    expect(fake.calls).toHaveLength(4);
  });

  it('retries 5xx HTML pages and 429, honouring Retry-After', async () => {
    fake.injectFault({ type: 'html', status: 502 });
    fake.injectFault({ type: 'too-many-requests', retryAfterSeconds: 20 });
    await expect(client().balance()).resolves.toBeDefined();
    expect(time.sleeps[0]).toBe(750);
    expect(time.sleeps[1]).toBeGreaterThanOrEqual(20_000);
  });

  it('on a rate-limit error assumes the counter is full, so the retry waits for it to decay', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EAPI:Rate limit exceeded' });
    const c = client();
    await c.balance();
    // One point of starter decay (~3 s) was waited besides the backoff.
    expect(time.slept).toBeGreaterThanOrEqual(3000);
    expect(c.rateCounter().value).toBeLessThanOrEqual(15);
  });

  it('does not retry what a retry cannot fix', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EAPI:Invalid nonce' });
    const error = await failure(client().balance());
    expect(error.code).toBe('invalid-nonce');
    expect(error.hint).toContain('its own API key');
    expect(fake.calls).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });
});

describe('lockout', () => {
  it('stops calling for 15 minutes after EGeneral:Temporary lockout and says when it ends', async () => {
    const c = client();
    fake.injectFault({ type: 'kraken-error', error: 'EGeneral:Temporary lockout' });
    const first = await failure(c.balance());
    const endsAt = time.now() + 15 * 60 * 1000;
    expect(first).toMatchObject({ code: 'lockout', retryAt: endsAt, krakenErrors: ['EGeneral:Temporary lockout'] });
    // The end travels as retryAt, written by each surface in local time; never a raw UTC stamp in the text.
    expect(first.message).not.toContain(new Date(endsAt).toISOString());
    expect(c.lockedUntil()).toBe(endsAt);

    const second = await failure(c.balance());
    expect(second).toMatchObject({ code: 'lockout', retryAt: endsAt });
    expect(fake.calls).toHaveLength(1);

    time.advance(15 * 60 * 1000);
    expect(c.lockedUntil()).toBeNull();
    await expect(c.balance()).resolves.toBeDefined();
  });
});

describe('timeouts and cancellation', () => {
  it('uses a 15 s timeout by default', async () => {
    const delays: number[] = [];
    const timers = { setTimeout: (_cb: () => void, ms: number) => delays.push(ms), clearTimeout: () => undefined };
    await client({ timers }).balance();
    expect(delays).toEqual([15_000]);
  });

  it('reports a slow server as timeout, and the next call works', async () => {
    fake.injectFault({ type: 'delay', ms: 3_000 });
    // Wide enough that a loaded test machine still answers the healthy call in time.
    const c = client({ timeoutMs: 250 });
    expect((await failure(c.balance())).code).toBe('timeout');
    await expect(c.balance()).resolves.toBeDefined();
  });

  it('can be aborted while in flight', async () => {
    fake.injectFault({ type: 'delay', ms: 400 });
    const controller = new AbortController();
    const pending = client().balance({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).code).toBe('aborted');
  });

  it('a connection reset is a network error, retried', async () => {
    fake.injectFault({ type: 'reset' });
    await expect(client().balance()).resolves.toBeDefined();
    expect(fake.calls.map((c) => c.fault)).toEqual(['reset', null]);
  });

  it('an unreachable server is a network error after bounded retries', async () => {
    const closed = await startFakeKraken();
    const url = closed.url;
    await closed.close();
    const error = await failure(client({ baseUrl: url, maxRetries: 2 }).balance());
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(time.sleeps).toHaveLength(2);
  });
});

describe('rate counter', () => {
  it('is exposed for monitoring and follows the tier', async () => {
    const c = client({ tier: 'pro' });
    await c.balance();
    await c.balance();
    expect(c.rateCounter()).toMatchObject({ tier: 'pro', value: 2, max: 20, decayPerSecond: 1, enforced: true });
    time.advance(1_000);
    expect(c.rateCounter().value).toBeCloseTo(1);
    expect(client().rateCounter()).toMatchObject({ tier: 'starter', max: 15 });
  });
});

describe('public data', () => {
  it('caches Assets and AssetPairs for the TTL, sharing one request between concurrent callers', async () => {
    const c = client({ marketListTtlMs: 60_000 });
    await Promise.all([c.assets(), c.assets(), c.assets(), c.assetPairs(), c.assetPairs()]);
    expect(fake.calls.map((x) => x.path)).toEqual(['/0/public/Assets', '/0/public/AssetPairs']);
    await c.assets();
    expect(fake.calls).toHaveLength(2);
    time.advance(60_001);
    await c.assets();
    expect(fake.calls).toHaveLength(3);
  });

  it('does not cache failures', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EGeneral:Internal error' }, { path: 'Assets' });
    const c = client();
    expect((await failure(c.assets())).code).toBe('internal-error');
    await expect(c.assets()).resolves.toBeInstanceOf(Map);
  });

  it('reports an unknown pair', async () => {
    expect((await failure(client().ticker(['NOPEUSD']))).code).toBe('unknown-asset-pair');
  });

  it('reads each pair\'s price a day ago from OHLC, one call per pair, and keeps it 10 minutes', async () => {
    const sent: SentRequest[] = [];
    const c = client({ fetch: recordingFetch(sent) });
    // The fake's candles stay at the fixture's price until now: that is the price a day ago.
    const table = await c.dayAgoPrices(['XXBTZUSD', 'XETHZUSD', 'XXBTZUSD']);
    expect([...table.values()].map((info) => [info.pair, info.last])).toEqual([['XETHZUSD', '3650.25000'], ['XXBTZUSD', '97250.10000']]);
    // 15-minute candles from one candle before a day ago (1,700,000,000 s is "now" here).
    const since = 1_700_000_000 - 86_400 - 900;
    expect(sent.map((x) => { const url = new URL(x.url); return url.pathname + url.search; })).toEqual([
      `/0/public/OHLC?pair=XETHZUSD&interval=15&since=${since}`,
      `/0/public/OHLC?pair=XXBTZUSD&interval=15&since=${since}`,
    ]);
    // Counted from this client's own requests: another test's late request may still reach the fake.
    time.advance(9 * 60_000);
    await c.dayAgoPrices(['XXBTZUSD']);
    expect(sent).toHaveLength(2);
    time.advance(60_001);
    await c.dayAgoPrices(['XXBTZUSD']);
    expect(sent).toHaveLength(3);
  });

  it('stops asking for prices a day ago for 10 minutes after Kraken fails one, so a refresh is not held up pair by pair', async () => {
    fake.injectFault({ type: 'kraken-error', error: 'EService:Unavailable' }, { path: '/0/public/OHLC', always: true });
    const sent: SentRequest[] = [];
    const c = client({ fetch: recordingFetch(sent) });
    expect((await failure(c.dayAgoPrices(['XXBTZUSD', 'XETHZUSD']))).code).toBe('service-unavailable');
    // The first pair with its 3 retries; the other pair not at all.
    expect(sent.map((x) => new URL(x.url).searchParams.get('pair'))).toEqual(['XETHZUSD', 'XETHZUSD', 'XETHZUSD', 'XETHZUSD']);
    time.advance(9 * 60_000);
    expect((await c.dayAgoPrices(['XXBTZUSD'])).size).toBe(0);
    expect(sent).toHaveLength(4);
    fake.clearFaults();
    time.advance(60_001);
    expect([...(await c.dayAgoPrices(['XXBTZUSD'])).keys()]).toEqual(['XXBTZUSD']);
    expect(sent).toHaveLength(5);
  });

  it('leaves out a pair whose price a day ago it cannot read, and fails only when it can read none', async () => {
    const c = client();
    const table = await c.dayAgoPrices(['NOPEUSD', 'XETHZUSD']);
    expect([...table.keys()]).toEqual(['XETHZUSD']);
    expect((await failure(c.dayAgoPrices(['NOPEUSD']))).code).toBe('unknown-asset-pair');
  });
});

describe('resolveBaseUrl', () => {
  it('uses KRAKEN_API_URL only when set, in a development or test build', () => {
    expect(resolveBaseUrl({}, false)).toBe('https://api.kraken.com');
    expect(resolveBaseUrl({ KRAKEN_API_URL: '' }, false)).toBe('https://api.kraken.com');
    expect(resolveBaseUrl({ KRAKEN_API_URL: 'http://127.0.0.1:5000' }, false)).toBe('http://127.0.0.1:5000');
    expect(resolveBaseUrl({ KRAKEN_API_URL: 'http://localhost:5000/' }, false)).toBe('http://localhost:5000');
    expect(resolveBaseUrl({ KRAKEN_API_URL: 'http://[::1]:5000' }, false)).toBe('http://[::1]:5000');
    expect(resolveBaseUrl({ KRAKEN_API_URL: 'https://kraken.test' }, false)).toBe('https://kraken.test');
  });

  it('ignores KRAKEN_API_URL in a packaged build, whatever it says', () => {
    for (const url of ['http://127.0.0.1:5000', 'https://evil.example', 'http://evil.example']) {
      expect(resolveBaseUrl({ KRAKEN_API_URL: url }, true)).toBe('https://api.kraken.com');
    }
  });

  it('refuses plain http to another computer, and anything that is not a bare URL', () => {
    expect(() => resolveBaseUrl({ KRAKEN_API_URL: 'http://evil.example' }, false)).toThrow(/http:\/\/evil\.example is neither https nor on this computer/);
    expect(() => resolveBaseUrl({ KRAKEN_API_URL: 'http://127.0.0.1.evil.example' }, false)).toThrow(/refused/);
    expect(() => resolveBaseUrl({ KRAKEN_API_URL: 'ftp://127.0.0.1' }, false)).toThrow(/refused/);
    expect(() => resolveBaseUrl({ KRAKEN_API_URL: 'https://user:pw@kraken.test' }, false)).toThrow(/scheme, host, port and path only/);
    expect(() => resolveBaseUrl({ KRAKEN_API_URL: 'not a url' }, false)).toThrow(/not a URL/);
  });
});

describe('key hygiene', () => {
  it('ignores whitespace pasted around the key, in the header and the fingerprint', async () => {
    const c = client({ apiKey: `  ${FAKE_API_KEY}\n` });
    await expect(c.balance()).resolves.toBeDefined();
    expect(c.keyFingerprint).toBe(client().keyFingerprint);
  });

  it('an empty key fails locally as invalid-key', async () => {
    expect((await failure(client({ apiKey: '   ' }).balance())).code).toBe('invalid-key');
  });
});
