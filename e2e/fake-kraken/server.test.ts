import { afterEach, describe, expect, it } from 'vitest';
import { demoEarnAllocations } from '../../main/balances/demo-data.ts';
import { DEFAULT_BALANCES, FAKE_API_SECRET, FAKE_NO_FUNDS_API_KEY, FAKE_NO_FUNDS_API_SECRET, startFakeKraken, type FakeKraken, type FakeKrakenOptions } from './index.ts';
import { post } from './test-helpers.ts';

const open: FakeKraken[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function fake(options?: FakeKrakenOptions): Promise<FakeKraken> {
  const server = await startFakeKraken(options);
  open.push(server);
  return server;
}

async function get(server: FakeKraken, pathAndQuery: string): Promise<{ error: string[]; result?: Record<string, unknown> }> {
  return (await (await fetch(server.url + pathAndQuery)).json()) as { error: string[]; result?: Record<string, unknown> };
}

describe('fake Kraken: authentication like Kraken', () => {
  it('listens on 127.0.0.1 with a random port', async () => {
    const server = await fake();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the documented example balances to a correctly signed JSON request', async () => {
    const server = await fake();
    const { json } = await post(server, { nonce: '1' });
    expect(json).toEqual({ error: [], result: DEFAULT_BALANCES });
    expect(server.calls[0]).toMatchObject({ path: '/0/private/Balance', nonce: '1', verified: true, bodyFormat: 'json' });
  });

  it('accepts form-encoded bodies (as ccxt sends them)', async () => {
    const server = await fake();
    expect((await post(server, { nonce: '5', format: 'form' })).json.error).toEqual([]);
    expect(server.calls[0]).toMatchObject({ verified: true, bodyFormat: 'form' });
  });

  it('rejects an unknown key, a bad signature, and a body changed after signing', async () => {
    const server = await fake();
    expect((await post(server, { nonce: '1', key: 'who' })).json.error).toEqual(['EAPI:Invalid key']);
    expect((await post(server, { nonce: '2', secret: FAKE_NO_FUNDS_API_SECRET })).json.error).toEqual(['EAPI:Invalid signature']);
    expect((await post(server, { nonce: '3', tamper: (b) => b.replace('{"nonce":3', '{"nonce": 3') })).json.error).toEqual(['EAPI:Invalid signature']);
    expect(server.calls.map((c) => c.verified)).toEqual([false, false, false]);
  });

  it('rejects a nonce not above the last accepted one, per key, with 64-bit precision', async () => {
    const server = await fake();
    expect((await post(server, { nonce: '18446744073709551614' })).json.error).toEqual([]);
    expect((await post(server, { nonce: '18446744073709551614' })).json.error).toEqual(['EAPI:Invalid nonce']);
    expect((await post(server, { nonce: '9007199254740993' })).json.error).toEqual(['EAPI:Invalid nonce']);
    expect((await post(server, { nonce: '18446744073709551615' })).json.error).toEqual([]);
    expect(server.lastNonce()).toBe('18446744073709551615');
    // Another key has its own nonce.
    expect((await post(server, { nonce: '1', key: FAKE_NO_FUNDS_API_KEY, secret: FAKE_NO_FUNDS_API_SECRET })).json.error)
      .toEqual(['EGeneral:Permission denied']);
  });

  it('a key without Funds Query gets permission denied; permissions can be changed', async () => {
    const server = await fake();
    server.setPermissions(false);
    expect((await post(server, { nonce: '1' })).json.error).toEqual(['EGeneral:Permission denied']);
    server.setPermissions(true);
    expect((await post(server, { nonce: '2' })).json.error).toEqual([]);
  });

  it('a key deleted on Kraken answers "Invalid key" from then on, in process and over /__fake', async () => {
    const server = await fake();
    expect((await post(server, { nonce: '1' })).json.error).toEqual([]);
    server.deleteKey();
    expect((await post(server, { nonce: '2' })).json.error).toEqual(['EAPI:Invalid key']);
    const other = await fake();
    const control = await fetch(`${other.url}/__fake/delete-key`, { method: 'POST', body: JSON.stringify({ apiKey: FAKE_NO_FUNDS_API_KEY }) });
    expect(control.status).toBe(200);
    expect((await post(other, { nonce: '1', key: FAKE_NO_FUNDS_API_KEY, secret: FAKE_NO_FUNDS_API_SECRET })).json.error).toEqual(['EAPI:Invalid key']);
    expect((await post(other, { nonce: '2' })).json.error).toEqual([]);
  });

  it('validates rebase_multiplier', async () => {
    const server = await fake();
    expect((await post(server, { nonce: '1', extra: { rebase_multiplier: 'base' } })).json.error).toEqual([]);
    expect((await post(server, { nonce: '2', extra: { rebase_multiplier: 'x' } })).json.error).toEqual(['EGeneral:Invalid arguments:rebase_multiplier']);
  });
});

describe('fake Kraken: balances', () => {
  it('balances are settable per key, and BalanceEx reports holds', async () => {
    const server = await fake({ keys: [{ apiKey: 'a', apiSecret: FAKE_API_SECRET }, { apiKey: 'b', apiSecret: FAKE_API_SECRET }] });
    server.setBalances({ ZUSD: '5.0000' }, 'a');
    server.setHolds({ ZUSD: '1.5000' }, 'a');
    expect((await post(server, { nonce: '1', key: 'a' })).json.result).toEqual({ ZUSD: '5.0000' });
    expect((await post(server, { nonce: '2', key: 'a', method: 'BalanceEx' })).json.result).toEqual({ ZUSD: { balance: '5.0000', hold_trade: '1.5000' } });
    expect((await post(server, { nonce: '1', key: 'b' })).json.result).toEqual(DEFAULT_BALANCES);
  });

  it('Earn/Allocations answers with the sample dated around its clock, or what was set per key, and needs Funds Query', async () => {
    const t = Date.parse('2026-11-30T09:00:00.000Z');
    const server = await fake({ now: () => t, keys: [{ apiKey: 'a', apiSecret: FAKE_API_SECRET }, { apiKey: 'b', apiSecret: FAKE_API_SECRET }] });
    expect((await post(server, { nonce: '1', key: 'a', method: 'Earn/Allocations' })).json.result).toEqual(demoEarnAllocations(t));
    const mine = { converted_asset: 'USD', total_allocated: '0', total_rewarded: '0', items: [] };
    server.setEarn(mine, 'b');
    expect((await post(server, { nonce: '1', key: 'b', method: 'Earn/Allocations' })).json.result).toEqual(mine);
    server.setPermissions(false, 'a');
    expect((await post(server, { nonce: '2', key: 'a', method: 'Earn/Allocations' })).json.error).toEqual(['EGeneral:Permission denied']);
  });

  it('keys can be added later', async () => {
    const server = await fake();
    server.addKey({ apiKey: 'late', apiSecret: FAKE_API_SECRET, balances: { DOT: '1' } });
    expect((await post(server, { nonce: '1', key: 'late' })).json.result).toEqual({ DOT: '1' });
  });
});

describe('fake Kraken: rate limit', () => {
  it('counts private calls per key and refuses beyond the tier maximum until it decays', async () => {
    let t = 1_000_000;
    const server = await fake({ now: () => t });
    for (let i = 1; i <= 15; i += 1) expect((await post(server, { nonce: String(i) })).json.error).toEqual([]);
    expect(server.rateCounter()).toBe(15);
    expect((await post(server, { nonce: '16' })).json.error).toEqual(['EAPI:Rate limit exceeded']);
    t += 3100;
    expect((await post(server, { nonce: '17' })).json.error).toEqual([]);
    expect((await post(server, { nonce: '1', key: FAKE_NO_FUNDS_API_KEY, secret: FAKE_NO_FUNDS_API_SECRET })).json.error)
      .toEqual(['EGeneral:Permission denied']);
  });

  it('pro tier decays faster; the counter can be switched off', async () => {
    let t = 0;
    const pro = await fake({ now: () => t, rateLimit: { tier: 'pro' } });
    for (let i = 1; i <= 20; i += 1) await post(pro, { nonce: String(i) });
    t += 1000;
    expect(pro.rateCounter()).toBeCloseTo(19);
    const unlimited = await fake({ rateLimit: false });
    for (let i = 1; i <= 40; i += 1) expect((await post(unlimited, { nonce: String(i) })).json.error).toEqual([]);
  });
});

describe('fake Kraken: public data', () => {
  it('serves Assets, AssetPairs, Ticker (by key or altname), Time and SystemStatus', async () => {
    const server = await fake();
    expect((await get(server, '/0/public/Assets')).result?.['XXBT']).toMatchObject({ altname: 'XBT' });
    expect((await get(server, '/0/public/AssetPairs')).result?.['XXBTZUSD']).toMatchObject({ base: 'XXBT', quote: 'ZUSD', altname: 'XBTUSD' });
    const ticker = await get(server, '/0/public/Ticker?pair=XBTUSD,XETHZEUR');
    expect(Object.keys(ticker.result ?? {})).toEqual(['XXBTZUSD', 'XETHZEUR']);
    expect(ticker.result?.['XXBTZUSD']).toMatchObject({ c: ['97250.10000', '0.05000000'] });
    expect(Object.keys((await get(server, '/0/public/Ticker')).result ?? {}).length).toBeGreaterThan(20);
    expect((await get(server, '/0/public/Ticker?pair=NOPE')).error).toEqual(['EQuery:Unknown asset pair']);
    expect((await get(server, '/0/public/Time')).result).toHaveProperty('unixtime');
    expect((await get(server, '/0/public/SystemStatus')).result).toMatchObject({ status: 'online' });
  });
});

describe('fake Kraken: faults', () => {
  it('injects a Kraken error for the next N calls, then behaves', async () => {
    const server = await fake();
    server.injectFault({ type: 'kraken-error', error: 'EService:Busy' }, { times: 2 });
    expect((await post(server, { nonce: '1' })).json.error).toEqual(['EService:Busy']);
    expect((await post(server, { nonce: '2' })).json.error).toEqual(['EService:Busy']);
    expect((await post(server, { nonce: '3' })).json.error).toEqual([]);
    expect(server.calls.map((c) => c.fault)).toEqual(['kraken-error', 'kraken-error', null]);
  });

  it('"always" lasts until cleared; path filters limit a fault to some endpoints', async () => {
    const server = await fake();
    server.injectFault({ type: 'kraken-error', error: 'EGeneral:Internal error', status: 500 }, { always: true, path: '/0/public/Assets' });
    expect((await get(server, '/0/public/Assets')).error).toEqual(['EGeneral:Internal error']);
    expect((await get(server, '/0/public/Assets')).error).toEqual(['EGeneral:Internal error']);
    expect((await get(server, '/0/public/AssetPairs')).error).toEqual([]);
    server.clearFaults();
    expect((await get(server, '/0/public/Assets')).error).toEqual([]);
  });

  it('HTML 5xx, 429 with Retry-After, malformed JSON and raw bodies', async () => {
    const server = await fake();
    server.injectFault({ type: 'html', status: 502 });
    let response = await fetch(`${server.url}/0/public/Time`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('<html>');

    server.injectFault({ type: 'too-many-requests', retryAfterSeconds: 9 });
    response = await fetch(`${server.url}/0/public/Time`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('9');
    await response.text();

    server.injectFault({ type: 'malformed-json' });
    response = await fetch(`${server.url}/0/public/Time`);
    await expect(response.text().then((t) => JSON.parse(t))).rejects.toThrow();

    server.injectFault({ type: 'raw', status: 200, body: '{"error":[],"result":{"ZUSD":1}}' });
    expect(await (await fetch(`${server.url}/0/public/Time`)).text()).toBe('{"error":[],"result":{"ZUSD":1}}');
  });

  it('delays and connection resets', async () => {
    const server = await fake();
    server.injectFault({ type: 'delay', ms: 120 });
    const started = performance.now();
    expect((await get(server, '/0/public/Time')).error).toEqual([]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);

    server.injectFault({ type: 'reset' });
    await expect(fetch(`${server.url}/0/public/Time`)).rejects.toThrow();
    expect(server.calls.at(-1)).toMatchObject({ fault: 'reset', status: 0 });
  });

  it('holds an answer until the test releases it', async () => {
    const server = await fake();
    server.injectFault({ type: 'hold' }, { times: 2 });
    let answered = 0;
    const answers = [get(server, '/0/public/Time'), get(server, '/0/public/Time')].map((reply) => reply.then((body) => ((answered += 1), body)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([answered, server.calls]).toEqual([0, []]);
    server.releaseHeld();
    expect((await Promise.all(answers)).map((body) => body.error)).toEqual([[], []]);
    expect(server.calls.map((call) => call.fault)).toEqual(['hold', 'hold']);
  });

  it('records every call and can forget them', async () => {
    const server = await fake({ maxRecordedCalls: 3 });
    for (let i = 1; i <= 5; i += 1) await post(server, { nonce: String(i) });
    expect(server.calls.map((c) => c.nonce)).toEqual(['3', '4', '5']);
    server.clearCalls();
    expect(server.calls).toEqual([]);
  });

  it('close() does not wait for idle keep-alive connections', async () => {
    const server = await startFakeKraken();
    await get(server, '/0/public/Time');
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('fake Kraken: HTTP control API (for a fake in another process)', () => {
  const control = async (server: FakeKraken, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await fetch(server.url + path, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('sets balances and permissions, injects faults, and lists calls', async () => {
    const server = await fake();
    expect((await control(server, '/__fake/balances', { balances: { DOT: '3.0' } })).status).toBe(200);
    expect((await post(server, { nonce: '1' })).json.result).toEqual({ DOT: '3.0' });
    await control(server, '/__fake/faults', { fault: { type: 'kraken-error', error: 'EService:Busy' }, times: 1, path: '/0/private/' });
    expect((await post(server, { nonce: '2' })).json.error).toEqual(['EService:Busy']);
    await control(server, '/__fake/permissions', { canQueryFunds: false });
    expect((await post(server, { nonce: '3' })).json.error).toEqual(['EGeneral:Permission denied']);
    const { json } = await control(server, '/__fake/calls');
    expect((json['calls'] as unknown[]).length).toBe(3);
    await control(server, '/__fake/clear-calls', {});
    expect(server.calls).toEqual([]);
  });

  it('refuses malformed control requests without crashing', async () => {
    const server = await fake();
    expect((await control(server, '/__fake/balances', { balances: { DOT: 3 } })).status).toBe(400);
    expect((await control(server, '/__fake/faults', {})).status).toBe(400);
    expect((await control(server, '/__fake/balances', { balances: {}, apiKey: 'nobody' })).status).toBe(400);
    expect((await control(server, '/__fake/nope', {})).status).toBe(400);
    expect((await get(server, '/0/public/Time')).error).toEqual([]);
  });
});
