import { afterEach, describe, expect, it } from 'vitest';
import {
  FAKE_API_KEY,
  FAKE_NO_WS_API_KEY,
  FAKE_NO_WS_API_SECRET,
  FAKE_SECOND_API_KEY,
  FAKE_SECOND_API_SECRET,
  type FakeKraken,
} from './index.ts';
import { createFakeClock } from '../../main/refresh/fake-clock.ts';
import { streamTestbed, type Json, type TestStream } from './test-helpers.ts';

const { fake, stream, token, tokenFor, cleanup } = streamTestbed({ heartbeatMs: 50 });
afterEach(cleanup);

const isAck = (method: string) => (m: Json): boolean => m['method'] === method;
const onChannel = (channel: string, type?: string) => (m: Json): boolean => m['channel'] === channel && (type === undefined || m['type'] === type);

async function subscribeBalances(server: FakeKraken, key = FAKE_API_KEY, secret?: string): Promise<TestStream> {
  const client = await stream(server.wsPrivateUrl);
  client.send({ method: 'subscribe', params: { channel: 'balances', token: await tokenFor(server, key, secret) } });
  expect(await client.take(isAck('subscribe'))).toMatchObject({ success: true, result: { channel: 'balances', snapshot: true } });
  return client;
}

describe('fake Kraken WebSocket: connection basics', () => {
  it('announces status on connect, with a 64-bit connection id written as a JSON number', async () => {
    const server = await fake();
    const client = await stream(server.wsPublicUrl);
    const status = await client.take(onChannel('status'));
    expect(status).toMatchObject({ type: 'update', data: [{ api_version: 'v2', system: 'online', version: '2.0.0' }] });
    expect(client.frames[0]).toMatch(/"connection_id":138347743802000320\d\d[,}]/);
    expect(server.openStreams('public')).toBe(1);
  });

  it('answers ping with pong, echoing req_id, and sends no heartbeat before a subscription', async () => {
    const server = await fake();
    const client = await stream(server.wsPublicUrl);
    client.send({ method: 'ping', req_id: 7 });
    const pong = await client.take(isAck('pong'));
    expect(pong).toMatchObject({ method: 'pong', req_id: 7 });
    expect(pong['time_in']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.received(onChannel('heartbeat'))).toEqual([]);
  });

  it('heartbeats every heartbeatMs while subscribed, and stops after unsubscribing', async () => {
    const clock = createFakeClock();
    const server = await fake({ timers: clock, now: clock.now, heartbeatMs: 1000 });
    const client = await stream(server.wsPublicUrl);
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    await client.take(isAck('subscribe'));
    clock.advance(5000);
    for (let i = 0; i < 5; i += 1) await client.take(onChannel('heartbeat'));
    client.send({ method: 'unsubscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    expect(await client.take(isAck('unsubscribe'))).toMatchObject({ success: true, result: { channel: 'ticker', symbol: 'BTC/USD' } });
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(5000);
    client.send({ method: 'ping' });
    await client.take(isAck('pong'));
    expect(client.received(onChannel('heartbeat'))).toHaveLength(5);
  });

  it('answers a request that is not JSON with an error instead of closing', async () => {
    const server = await fake();
    const client = await stream(server.wsPublicUrl);
    client.send('{nope');
    expect(await client.take((m) => m['success'] === false)).toMatchObject({ error: 'EGeneral:Invalid arguments' });
  });
});

describe('fake Kraken WebSocket: GetWebSocketsToken', () => {
  it('issues a token to a signed call, counting 1 on the key\'s rate counter', async () => {
    let t = 1_000_000;
    const server = await fake({ now: () => t });
    const { error, result } = await token(server);
    expect(error).toEqual([]);
    expect(result).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9+/]{43}$/) as unknown, expires: 900 });
    expect(server.rateCounter()).toBe(1);
    t += 0;
    expect(server.calls.at(-1)).toMatchObject({ path: '/0/private/GetWebSocketsToken', verified: true });
  });

  it('refuses a key without "WebSocket interface" with EGeneral:Permission denied; the permission can be changed', async () => {
    const server = await fake();
    expect((await token(server, FAKE_NO_WS_API_KEY, FAKE_NO_WS_API_SECRET)).error).toEqual(['EGeneral:Permission denied']);
    server.setWebSocketPermission(true, FAKE_NO_WS_API_KEY);
    expect((await token(server, FAKE_NO_WS_API_KEY, FAKE_NO_WS_API_SECRET)).error).toEqual([]);
    server.setWebSocketPermission(false);
    expect((await token(server)).error).toEqual(['EGeneral:Permission denied']);
  });

  it('is refused by the rate limit like any private call', async () => {
    const server = await fake({ now: () => 5_000_000 });
    for (let i = 0; i < 15; i += 1) expect((await token(server)).error).toEqual([]);
    expect((await token(server)).error).toEqual(['EAPI:Rate limit exceeded']);
  });
});

describe('fake Kraken WebSocket: balances channel', () => {
  it('checks the token on subscribe: unknown and expired tokens get ESession:Invalid session', async () => {
    let t = 10_000_000;
    const server = await fake({ now: () => t });
    const client = await stream(server.wsPrivateUrl);
    client.send({ method: 'subscribe', params: { channel: 'balances', token: 'not-a-token' }, req_id: 3 });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: false, error: 'ESession:Invalid session', req_id: 3 });
    const stale = await tokenFor(server);
    t += 901_000;
    client.send({ method: 'subscribe', params: { channel: 'balances', token: stale } });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: false, error: 'ESession:Invalid session' });
    const fresh = await tokenFor(server);
    client.send({ method: 'subscribe', params: { channel: 'balances', token: fresh } });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: true });
    // A token in use stays valid past 15 minutes (Kraken: while a private subscription holds it).
    t += 3_600_000;
    const second = await stream(server.wsPrivateUrl);
    second.send({ method: 'subscribe', params: { channel: 'balances', token: fresh } });
    expect(await second.take(isAck('subscribe'))).toMatchObject({ success: true });
  });

  it('refuses balances on the public endpoint', async () => {
    const server = await fake();
    const client = await stream(server.wsPublicUrl);
    client.send({ method: 'subscribe', params: { channel: 'balances', token: await tokenFor(server) } });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: false });
  });

  it('sends a snapshot shaped like Kraken\'s: v2 asset names, wallets, exact digits as JSON numbers, sequence 1', async () => {
    const server = await fake();
    server.setBalances({ XXBT: '1011.1908877900', 'XBT.M': '0.0000001', ZUSD: '171288.6158', 'USD.M': '1213029.2780', XXDG: '12345678901234567890.12345678' });
    const client = await subscribeBalances(server);
    const snapshot = await client.take(onChannel('balances', 'snapshot'));
    expect(snapshot['sequence']).toBe(1);
    expect((snapshot['data'] as Json[]).map((d) => d['asset'])).toEqual(['BTC', 'USD', 'DOGE']);
    expect((snapshot['data'] as Json[])[0]).toMatchObject({
      asset_class: 'currency',
      wallets: [{ type: 'spot', id: 'main' }, { type: 'earn', id: 'flexible' }],
    });
    const raw = client.frames.find((f) => f.includes('"type":"snapshot"')) ?? '';
    expect(raw).toContain('"asset":"BTC","asset_class":"currency","balance":1011.1908878900,');
    expect(raw).toContain('{"type":"earn","id":"flexible","balance":0.0000001}');
    expect(raw).toContain('"balance":1384317.8938,');
    expect(raw).toContain('"balance":12345678901234567890.12345678,');
  });

  it('pushes one update per changed ledger entry, with consecutive sequence numbers, only to that key', async () => {
    const server = await fake();
    server.setBalances({ XXBT: '0.0100000000', ZUSD: '367.0000' });
    const mine = await subscribeBalances(server);
    const other = await subscribeBalances(server, FAKE_SECOND_API_KEY, FAKE_SECOND_API_SECRET);
    await mine.take(onChannel('balances', 'snapshot'));
    server.setBalances({ XXBT: '0.0200000000', ZUSD: '234.0005' });
    const first = await mine.take(onChannel('balances', 'update'));
    const second = await mine.take(onChannel('balances', 'update'));
    expect([first['sequence'], second['sequence']]).toEqual([2, 3]);
    expect((first['data'] as Json[])[0]).toMatchObject({
      ledger_id: expect.stringMatching(/^[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{6}$/) as unknown,
      type: 'deposit', category: 'deposit', asset: 'BTC', asset_class: 'currency', wallet_type: 'spot', wallet_id: 'main',
      timestamp: expect.stringMatching(/Z$/) as unknown,
    });
    expect((second['data'] as Json[])[0]).toMatchObject({ type: 'withdrawal', asset: 'USD' });
    const raws = mine.frames.filter((f) => f.includes('"channel":"balances","type":"update"'));
    expect(raws[0]).toContain('"amount":0.0100000000,"fee":0.0,"balance":0.0200000000}');
    expect(raws[1]).toContain('"amount":-132.9995,"fee":0.0,"balance":234.0005}');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(other.received(onChannel('balances', 'update'))).toEqual([]);
  });
});

describe('fake Kraken WebSocket: ticker channel', () => {
  it('acks per symbol, sends a snapshot with v2 fields as exact JSON numbers, and updates when prices change', async () => {
    const server = await fake();
    const client = await stream(server.wsPublicUrl);
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD', 'DOGE/USD'] }, req_id: 9 });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: true, req_id: 9, result: { channel: 'ticker', symbol: 'BTC/USD', snapshot: true } });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: true, result: { symbol: 'DOGE/USD' } });
    const snapshot = await client.take(onChannel('ticker', 'snapshot'));
    expect(Object.keys((snapshot['data'] as Json[])[0] ?? {})).toEqual(
      ['symbol', 'bid', 'bid_qty', 'ask', 'ask_qty', 'last', 'volume', 'vwap', 'low', 'high', 'change', 'change_pct', 'timestamp']);
    expect(client.frames.find((f) => f.includes('"BTC/USD"') && f.includes('"type":"snapshot"'))).toContain('"last":97250.10000,');

    server.setPrices({ XXBTZUSD: '0.0000001', 'XDG/USD': '0.3900000' });
    const btc = await client.take((m) => onChannel('ticker', 'update')(m) && (m['data'] as Json[])[0]?.['symbol'] === 'BTC/USD');
    expect(btc).toBeDefined();
    const rawBtc = client.frames.find((f) => f.includes('"type":"update"') && f.includes('BTC/USD')) ?? '';
    expect(rawBtc).toContain('"last":0.0000001,');
    expect(rawBtc).toContain('"change":-97250.0999999,');
    expect(rawBtc).toContain('"low":0.0000001,"high":97250.10000,');
    const rest = (await (await fetch(`${server.url}/0/public/Ticker?pair=XXBTZUSD`)).json()) as { result: { XXBTZUSD: { c: string[] } } };
    expect(rest.result.XXBTZUSD.c[0]).toBe('0.0000001');
  });

  it('refuses symbols it does not list, including the REST wsname form XBT/USD', async () => {
    const server = await fake();
    const client = await stream(server.wsPublicUrl);
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['XBT/USD', 'NOPE/USD'] } });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: false, symbol: 'XBT/USD', error: 'Currency pair not supported' });
    expect(await client.take(isAck('subscribe'))).toMatchObject({ success: false, symbol: 'NOPE/USD' });
  });

  it('refuses a price that is not a decimal string or an unknown pair, changing nothing', async () => {
    const server = await fake();
    expect(() => server.setPrices({ XXBTZUSD: '1e5' })).toThrow(/decimal/);
    expect(() => server.setPrices({ XXBTZUSD: '1', NOPE: '1' })).toThrow(/unknown pair/);
    const rest = (await (await fetch(`${server.url}/0/public/Ticker?pair=XBTUSD`)).json()) as { result: { XXBTZUSD: { c: string[] } } };
    expect(rest.result.XXBTZUSD.c[0]).toBe('97250.10000');
  });
});
