import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FAKE_API_KEY, type FakeKraken } from './index.ts';
import { nextNonce, openStream, post, streamTestbed, type Json, type TestStream } from './test-helpers.ts';

const bed = streamTestbed({ heartbeatMs: 40, rateLimit: false });
const { stream, tokenFor } = bed;
const fake = (): Promise<FakeKraken> => bed.fake();
afterEach(bed.cleanup);

const isAck = (m: Json): boolean => m['method'] === 'subscribe';
const balancesOf = (type: string) => (m: Json): boolean => m['channel'] === 'balances' && m['type'] === type;
const heartbeat = (m: Json): boolean => m['channel'] === 'heartbeat';

async function balancesStream(server: FakeKraken): Promise<TestStream> {
  const client = await stream(server.wsPrivateUrl);
  client.send({ method: 'subscribe', params: { channel: 'balances', token: await tokenFor(server) } });
  await client.take(balancesOf('snapshot'));
  return client;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('fake Kraken WebSocket faults', () => {
  it('drop: open connections are cut without a close frame (1006), new ones work', async () => {
    const server = await fake();
    const client = await balancesStream(server);
    server.injectStreamFault({ type: 'drop' });
    expect(await client.closed).toEqual({ code: 1006 });
    expect(server.streamEvents.map((e) => e.event)).toContain('fault');
    await balancesStream(server);
    expect(server.openStreams('private')).toBe(1);
  });

  it('drop can target one endpoint', async () => {
    const server = await fake();
    const privateClient = await balancesStream(server);
    const publicClient = await stream(server.wsPublicUrl);
    server.injectStreamFault({ type: 'drop', endpoint: 'public' });
    expect(await publicClient.closed).toEqual({ code: 1006 });
    privateClient.send({ method: 'ping' });
    await privateClient.take((m) => m['method'] === 'pong');
  });

  it('stall: the connection goes silent (no heartbeats, no pongs, no updates) but stays open', async () => {
    const server = await fake();
    const client = await balancesStream(server);
    await client.take(heartbeat);
    server.injectStreamFault({ type: 'stall' });
    await pause(20);
    const before = client.frames.length;
    client.send({ method: 'ping' });
    server.setBalances({ ZUSD: '1.0000' });
    await pause(200);
    expect(client.frames.length).toBe(before);
    expect(server.openStreams()).toBe(1);
  });

  it('reject-token: the next subscribe is refused with ESession:Invalid session, then tokens work again', async () => {
    const server = await fake();
    server.injectStreamFault({ type: 'reject-token' });
    const client = await stream(server.wsPrivateUrl);
    client.send({ method: 'subscribe', params: { channel: 'balances', token: await tokenFor(server) } });
    expect(await client.take(isAck)).toMatchObject({ success: false, error: 'ESession:Invalid session' });
    client.send({ method: 'subscribe', params: { channel: 'balances', token: await tokenFor(server) } });
    expect(await client.take(isAck)).toMatchObject({ success: true });
  });

  it('malformed-frame: every open connection gets one frame that is not JSON', async () => {
    const server = await fake();
    const client = await stream(server.wsPublicUrl);
    server.injectStreamFault({ type: 'malformed-frame' });
    server.injectStreamFault({ type: 'malformed-frame', text: '\u0000garbage' });
    client.send({ method: 'ping' });
    await client.take((m) => m['method'] === 'pong');
    expect(client.frames).toContain('{"channel":"heartbeat"');
    expect(client.frames).toContain('\u0000garbage');
  });

  it('sequence-gap: the next balances update skips sequence numbers', async () => {
    const server = await fake();
    server.setBalances({ ZUSD: '1.0000' });
    const client = await balancesStream(server);
    server.injectStreamFault({ type: 'sequence-gap', skip: 3 });
    server.setBalances({ ZUSD: '2.0000' });
    server.setBalances({ ZUSD: '3.0000' });
    expect((await client.take(balancesOf('update')))['sequence']).toBe(5);
    expect((await client.take(balancesOf('update')))['sequence']).toBe(6);
  });

  it('refuse-upgrade: the HTTP upgrade is answered 403 (or the given status), as a blocking proxy does', async () => {
    const server = await fake();
    server.injectStreamFault({ type: 'refuse-upgrade' }, { times: 2 });
    const statusOf = (url: string): Promise<number | 'open'> =>
      new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.on('open', () => {
          resolve('open');
          socket.close();
        });
        socket.on('error', () => undefined);
      });
    expect(await statusOf(server.wsPublicUrl)).toBe(403);
    expect(await statusOf(server.wsPrivateUrl)).toBe(403);
    expect(await statusOf(server.wsPrivateUrl)).toBe('open');
    server.injectStreamFault({ type: 'refuse-upgrade', status: 407, endpoint: 'private' }, { always: true });
    expect(await statusOf(server.wsPublicUrl)).toBe('open');
    expect(await statusOf(server.wsPrivateUrl)).toBe(407);
    expect(await statusOf(server.wsPrivateUrl)).toBe(407);
    server.clearStreamFaults();
    expect(await statusOf(server.wsPrivateUrl)).toBe('open');
    expect(server.streamEvents.filter((e) => e.event === 'refused').map((e) => e.detail)).toEqual(['403', '403', '407', '407']);
  });

  it('an unknown path is not upgraded', async () => {
    const server = await fake();
    await expect(openStream(`ws://127.0.0.1:${server.port}/v1`)).rejects.toThrow(/404/);
  });
});

describe('fake Kraken WebSocket: HTTP controls (for a fake in another process)', () => {
  const control = async (server: FakeKraken, path: string, body?: unknown): Promise<{ status: number; json: Json }> => {
    const response = await fetch(server.url + path, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Json };
  };

  it('sets prices and the WebSocket permission, injects stream faults and lists stream events', async () => {
    const server = await fake();
    expect((await control(server, '/__fake/prices', { prices: { 'BTC/USD': '100000.5' } })).status).toBe(200);
    const rest = (await (await fetch(`${server.url}/0/public/Ticker?pair=XBTUSD`)).json()) as { result: { XXBTZUSD: { c: string[] } } };
    expect(rest.result.XXBTZUSD.c[0]).toBe('100000.5');
    expect((await control(server, '/__fake/prices', { prices: { 'BTC/USD': 1 } })).status).toBe(400);
    expect((await control(server, '/__fake/prices', { prices: { NOPE: '1' } })).status).toBe(400);

    await control(server, '/__fake/permissions', { canUseWebSockets: false });
    expect((await post(server, { nonce: nextNonce(), method: 'GetWebSocketsToken' })).json.error).toEqual(['EGeneral:Permission denied']);
    expect((await control(server, '/__fake/permissions', {})).status).toBe(400);
    await control(server, '/__fake/permissions', { canUseWebSockets: true, apiKey: FAKE_API_KEY });

    const client = await balancesStream(server);
    expect((await control(server, '/__fake/stream-faults', { fault: { type: 'drop', endpoint: 'private' } })).status).toBe(200);
    expect(await client.closed).toEqual({ code: 1006 });
    expect((await control(server, '/__fake/stream-faults', { fault: { type: 'explode' } })).status).toBe(400);
    expect((await control(server, '/__fake/stream-faults', { fault: { type: 'sequence-gap', skip: -1 } })).status).toBe(400);
    await control(server, '/__fake/stream-faults', { fault: { type: 'refuse-upgrade' }, always: true });
    await control(server, '/__fake/clear-stream-faults', {});
    await balancesStream(server);

    const { json } = await control(server, '/__fake/stream-events');
    expect((json['events'] as Json[]).map((e) => e['event'])).toEqual(expect.arrayContaining(['open', 'subscribed', 'fault', 'close']));
    await control(server, '/__fake/clear-stream-events', {});
    expect(server.streamEvents).toEqual([]);
  });

  it('a balance walk changes one balance N times at random intervals, logs each exact amount, and streams each change', async () => {
    const server = await fake();
    server.setBalances({ XXBT: '1.0000000000', ZUSD: '10.0000' });
    const client = await balancesStream(server);
    expect((await control(server, '/__fake/balance-walk', { asset: 'ZUSD', times: 6, minIntervalMs: 1, maxIntervalMs: 15, seed: 7 })).status).toBe(200);
    for (let i = 0; i < 6; i += 1) await client.take(balancesOf('update'));
    const { json } = await control(server, '/__fake/balance-changes');
    const changes = json['changes'] as Array<{ index: number; asset: string; balance: string; apiKey: string }>;
    expect(changes.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(changes.every((c) => c.asset === 'ZUSD' && c.apiKey === FAKE_API_KEY && /^\d+\.\d{4}$/.test(c.balance))).toBe(true);
    expect(new Set(changes.map((c) => c.balance)).size).toBeGreaterThan(1);
    const streamed = client.frames.filter((f) => f.includes('"channel":"balances","type":"update"')).map((f) => /"balance":([\d.]+)\}/.exec(f)?.[1]);
    expect(streamed).toEqual(changes.map((c) => c.balance));
    expect((await post(server, { nonce: nextNonce() })).json.result).toEqual({ XXBT: '1.0000000000', ZUSD: changes.at(-1)?.balance });
    await control(server, '/__fake/clear-balance-changes', {});
    expect(server.balanceChanges).toEqual([]);
  });

  it('the same seed gives the same walk; bad walks are refused', async () => {
    const run = async (): Promise<string[]> => {
      const server = await fake();
      server.setBalances({ ZUSD: '10.0000' });
      await server.startBalanceWalk({ asset: 'ZUSD', times: 5, minIntervalMs: 0, maxIntervalMs: 2, seed: 42 });
      return server.balanceChanges.map((c) => c.balance);
    };
    expect(await run()).toEqual(await run());
    const server = await fake();
    expect((await control(server, '/__fake/balance-walk', { asset: 'ZUSD', times: 0, minIntervalMs: 0, maxIntervalMs: 1 })).status).toBe(400);
    expect((await control(server, '/__fake/balance-walk', { asset: 'ZUSD', times: 2, minIntervalMs: 5, maxIntervalMs: 1 })).status).toBe(400);
    expect((await control(server, '/__fake/balance-walk', { asset: 'ZUSD', times: 2, minIntervalMs: 0, maxIntervalMs: 1, apiKey: 'nobody' })).status).toBe(400);
  });
});
