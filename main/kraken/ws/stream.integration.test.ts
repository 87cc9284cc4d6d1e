import { afterEach, describe, expect, it } from 'vitest';
import {
  FAKE_API_KEY,
  FAKE_API_SECRET,
  FAKE_NO_WS_API_KEY,
  FAKE_NO_WS_API_SECRET,
  startFakeKraken,
  type FakeKraken,
} from '../../../e2e/fake-kraken/index.ts';
import { createKrakenClient, type KrakenClient } from '../client.ts';
import { createMemoryNonceStore } from '../nonce.ts';
import { attachBalancesChannel, type BalancesSignal } from './balances-channel.ts';
import { createStreamConnection } from './connection.ts';
import { createWebSocketFactory } from './socket.ts';
import { tickerSymbolsFor } from './symbols.ts';
import { attachTickerChannel, type TickerPrice } from './ticker-channel.ts';
import { tokenSourceFor, WEBSOCKET_PERMISSION_MESSAGE } from './token-source.ts';
import type { ResyncReason, StreamConnection, StreamStatus, StreamTuning } from './types.ts';
import { streamUrlsFor } from './urls.ts';

// The stream layer against the fake Kraken over real sockets on 127.0.0.1, with Node's own WebSocket
// client, the real Kraken client for tokens, and real timers (short tunings keep it quick).

const REAL_CLOCK = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const QUICK: Partial<StreamTuning> = { pingAfterMs: 150, staleAfterMs: 400, backoffBaseMs: 20, backoffMaxMs: 80, unreachableRetryMs: 60_000 };

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function fake(): Promise<FakeKraken> {
  const server = await startFakeKraken({ heartbeatMs: 50 });
  cleanup.push(() => server.close());
  return server;
}

function clientFor(server: FakeKraken, apiKey = FAKE_API_KEY, apiSecret = FAKE_API_SECRET): KrakenClient {
  const client = createKrakenClient({ apiKey, apiSecret, baseUrl: server.url, nonceStore: createMemoryNonceStore() });
  cleanup.push(() => client.close());
  return client;
}

async function until(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Watched {
  readonly connection: StreamConnection;
  readonly statuses: StreamStatus[];
  readonly resyncs: ResyncReason[];
  readonly signals: BalancesSignal[];
  state(): string;
}

function privateStream(server: FakeKraken, client: KrakenClient): Watched {
  const statuses: StreamStatus[] = [];
  const resyncs: ResyncReason[] = [];
  const signals: BalancesSignal[] = [];
  const connection = createStreamConnection({
    url: streamUrlsFor(server.url).private,
    socketFactory: createWebSocketFactory(),
    clock: REAL_CLOCK,
    getToken: tokenSourceFor(client),
    onStatus: (s) => statuses.push(s),
    onResync: (r) => resyncs.push(r),
    tuning: QUICK,
  });
  attachBalancesChannel(connection, { onChanged: (s) => signals.push(s) });
  cleanup.push(() => connection.stop());
  return { connection, statuses, resyncs, signals, state: () => connection.status().state };
}

/** A fake and a private stream on its main key, started and live. */
async function liveStream(): Promise<{ server: FakeKraken; stream: Watched }> {
  const server = await fake();
  const stream = privateStream(server, clientFor(server));
  stream.connection.start();
  await until(() => stream.state() === 'live', 'live');
  return { server, stream };
}

const tokenCalls = (server: FakeKraken): number => server.calls.filter((c) => c.path === '/0/private/GetWebSocketsToken').length;

describe('private stream against the fake Kraken', () => {
  it('goes live with a token from the client; a balance change is signalled and the REST refresh then shows the exact amount', async () => {
    const server = await fake();
    const client = clientFor(server);
    const stream = privateStream(server, client);
    stream.connection.start();
    await until(() => stream.state() === 'live' && stream.signals.length === 1, 'live with a snapshot');
    expect(stream.signals[0]).toMatchObject({ cause: 'snapshot', sequence: 1 });
    expect(server.rateCounter()).toBeCloseTo(1, 0);

    server.setBalances({ ...(await client.balance()), XXBT: '1011.1908877901' });
    await until(() => stream.signals.length === 2, 'the update');
    expect(stream.signals[1]).toEqual({ cause: 'update', assets: ['BTC'], sequence: 2 });
    expect((await client.balance())['XXBT']).toBe('1011.1908877901');
  });

  it('drop → backoff → a new connection with a fresh token → live again', async () => {
    const { server, stream } = await liveStream();
    server.injectStreamFault({ type: 'drop' });
    await until(() => stream.statuses.some((s) => s.state === 'backoff'), 'backoff');
    await until(() => stream.state() === 'live' && tokenCalls(server) === 2, 'live again with a second token');
    expect(stream.statuses.find((s) => s.state === 'backoff')).toMatchObject({ problem: 'closed' });
    expect(stream.signals.map((s) => s.cause)).toEqual(['snapshot', 'snapshot']);
  });

  it('a stalled connection is noticed by the watchdog and replaced', async () => {
    const { server, stream } = await liveStream();
    server.injectStreamFault({ type: 'stall' });
    await until(() => stream.statuses.some((s) => s.state === 'backoff' && s.problem === 'stale'), 'stale');
    await until(() => stream.state() === 'live', 'live again');
    expect(stream.connection.stats().staleReconnects).toBe(1);
  });

  it('a rejected token, a malformed frame and a sequence gap: reconnect, count, resync', async () => {
    const server = await fake();
    server.injectStreamFault({ type: 'reject-token' });
    const stream = privateStream(server, clientFor(server));
    stream.connection.start();
    await until(() => stream.state() === 'live', 'live after one rejected token');
    expect(stream.statuses.find((s) => s.state === 'backoff')).toMatchObject({ problem: 'token-rejected' });
    expect(tokenCalls(server)).toBe(2);

    server.injectStreamFault({ type: 'malformed-frame' });
    await until(() => stream.connection.stats().malformedFrames === 1, 'the malformed frame counted');
    expect(stream.state()).toBe('live');

    server.injectStreamFault({ type: 'sequence-gap' });
    server.setBalances({ ZUSD: '1.0000' });
    await until(() => stream.resyncs.length === 1, 'a resync');
    expect(stream.resyncs).toEqual(['sequence-gap']);
  });

  it('a key without "WebSocket interface": polling with the reason, and no socket is opened', async () => {
    const server = await fake();
    const stream = privateStream(server, clientFor(server, FAKE_NO_WS_API_KEY, FAKE_NO_WS_API_SECRET));
    stream.connection.start();
    await until(() => stream.state() === 'polling', 'polling');
    expect(stream.connection.status()).toMatchObject({ reason: 'permission-denied', message: WEBSOCKET_PERMISSION_MESSAGE });
    expect(server.streamEvents).toEqual([]);
    server.setWebSocketPermission(true, FAKE_NO_WS_API_KEY);
    stream.connection.retryNow();
    await until(() => stream.state() === 'live', 'live once the permission is on');
  });

  it('upgrades refused (a blocking proxy): polling as unreachable after three tries, no endless loop', async () => {
    const server = await fake();
    server.injectStreamFault({ type: 'refuse-upgrade' }, { always: true });
    const stream = privateStream(server, clientFor(server));
    stream.connection.start();
    await until(() => stream.state() === 'polling', 'polling');
    expect(stream.connection.status()).toMatchObject({ reason: 'unreachable' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.streamEvents.filter((e) => e.event === 'refused')).toHaveLength(3);
    server.clearStreamFaults();
    stream.connection.retryNow();
    await until(() => stream.state() === 'live', 'live once the network lets it through');
  });

  it('pause closes the socket; resume asks for a resync and comes back live', async () => {
    const { server, stream } = await liveStream();
    stream.connection.pause();
    await until(() => server.openStreams() === 0, 'the socket closed');
    stream.connection.resume();
    expect(stream.resyncs).toEqual(['resumed']);
    await until(() => stream.state() === 'live', 'live again');
  });
});

describe('public ticker stream against the fake Kraken', () => {
  it('subscribes the valuation\'s pairs by v2 symbol and delivers prices exactly equal to REST Ticker\'s strings', async () => {
    const server = await fake();
    const client = clientFor(server);
    const map = tickerSymbolsFor(await client.assetPairs(), ['XXBTZUSD', 'XDGUSD', 'XETHXXBT']);
    const prices: TickerPrice[] = [];
    const rejected: string[] = [];
    const connection = createStreamConnection({ url: streamUrlsFor(server.url).public, socketFactory: createWebSocketFactory(), clock: REAL_CLOCK, tuning: QUICK });
    attachTickerChannel(connection, { symbols: map.symbols, onPrices: (p) => prices.push(...p), onSymbolRejected: (s) => rejected.push(s) });
    cleanup.push(() => connection.stop());
    connection.start();
    await until(() => connection.status().state === 'live' && prices.length === 3, 'live with three snapshots');
    expect(rejected).toEqual([]);
    const restLast = async (pair: string): Promise<string | undefined> => (await client.ticker([pair])).get(pair)?.last;
    expect(prices.find((p) => p.symbol === 'BTC/USD')?.last).toBe(await restLast('XXBTZUSD'));

    for (const price of ['0.0000001', '0.1', '12345678901234567890.123456789', '97250.10000']) {
      server.setPrices({ XXBTZUSD: price });
      await until(() => prices.at(-1)?.last === price, `price ${price}`);
      expect(map.pairFor(prices.at(-1)?.symbol ?? '')).toBe('XXBTZUSD');
      const rest = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: server.url, tickerTtlMs: 0 });
      expect((await rest.ticker(['XXBTZUSD'])).get('XXBTZUSD')?.last).toBe(price);
      rest.close();
    }
  });
});
