import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../ipc/contract.ts';
import type { WantedPairs } from '../balances/keyed-valuations.ts';
import type { StreamedPrice } from '../balances/price-board.ts';
import { KrakenError, type AssetPairInfo } from '../kraken/index.ts';
import { createScriptedSockets, type ScriptedSocket } from '../kraken/ws/testing/scripted-sockets.ts';
import { WEBSOCKET_PERMISSION_MESSAGE } from '../kraken/ws/index.ts';
import { createFakeClock, settle } from '../refresh/fake-clock.ts';
import type { PowerEvent } from '../refresh/scheduler.ts';
import { LiveUpdates, type LiveBalances } from './live-updates.ts';

const URLS = { public: 'wss://public.example/v2', private: 'wss://private.example/v2' };
const summary = (id: string, key: string, demo = false): AccountSummary =>
  ({ id, label: id, keyFingerprint: key, addedAt: '2026-01-01T00:00:00.000Z', hasOtp: false, demo, lastCheck: null });
const BTC_USD: AssetPairInfo = { key: 'XXBTZUSD', altname: 'XBTUSD', wsname: 'XBT/USD', base: 'XXBT', quote: 'ZUSD', status: 'online' };

function setup(accounts: AccountSummary[], options: { deniedKeys?: string[] } = {}) {
  const clock = createFakeClock(1_000_000);
  const sockets = createScriptedSockets();
  const refreshed: string[] = [];
  const modes = new Map<string, { live: boolean; note: string | null }>();
  const pushed: StreamedPrice[][] = [];
  let wanted: WantedPairs = { table: null, keys: [] };
  const wantedListeners: ((w: WantedPairs) => void)[] = [];
  let power: (event: PowerEvent) => void = () => undefined;
  const balances: LiveBalances = {
    refreshOnEvent: (id) => refreshed.push(id),
    setUpdateMode: (id, live, note) => modes.set(id, { live, note }),
    pricesPushed: (prices) => pushed.push([...prices]),
    priceStreamEnded: () => undefined,
    wantedPairs: () => wanted,
    onWantedPairs: (listener) => (wantedListeners.push(listener), () => undefined),
  };
  const tokens: string[] = [];
  const live = new LiveUpdates({
    balances,
    accounts: { list: () => accounts, onChanged: () => () => undefined },
    clientFor: (id) => Promise.resolve({
      webSocketsToken: () => {
        tokens.push(id);
        const key = accounts.find((a) => a.id === id)?.keyFingerprint ?? '';
        return options.deniedKeys?.includes(key)
          ? Promise.reject(new KrakenError('permission-denied', { krakenErrors: ['EGeneral:Permission denied'] }))
          : Promise.resolve({ token: `token-${tokens.length}`, expiresInSeconds: 900 });
      },
    }),
    urls: URLS,
    socketFactory: sockets.factory,
    clock,
    power: { subscribe: (listener) => ((power = listener), () => undefined) },
    random: () => 0.5,
  });
  return {
    clock, sockets, refreshed, modes, pushed, tokens, live,
    power: (event: PowerEvent) => power(event),
    want: (next: WantedPairs) => {
      wanted = next;
      for (const listener of wantedListeners) listener(next);
    },
    privateSockets: () => sockets.sockets.filter((s) => s.url === URLS.private),
    publicSockets: () => sockets.sockets.filter((s) => s.url === URLS.public),
  };
}

/** Plays Kraken for a new socket: open, then ack every subscription it asked for, with a snapshot. */
function accept(socket: ScriptedSocket, sequence = 1): void {
  socket.open();
  for (const request of socket.sent.filter((m) => m['method'] === 'subscribe')) {
    const params = request['params'] as { channel: string; symbol?: string[] };
    if (params.channel === 'balances') {
      socket.push({ method: 'subscribe', result: { channel: 'balances' }, success: true, req_id: request['req_id'] });
      socket.push({ channel: 'balances', type: 'snapshot', data: [{ asset: 'BTC', balance: 1 }], sequence });
    } else {
      for (const symbol of params.symbol ?? []) socket.push({ method: 'subscribe', result: { channel: 'ticker', symbol }, success: true, req_id: request['req_id'] });
    }
  }
}

describe('LiveUpdates', () => {
  it('opens one private stream per key (none for demo accounts) and refreshes every account of a key on its pushes', async () => {
    const t = setup([summary('a', 'key-1'), summary('b', 'key-1'), summary('c', 'key-2'), summary('demo', '', true)]);
    t.live.start();
    await settle();
    expect(t.privateSockets()).toHaveLength(2);
    expect(t.tokens).toEqual(['a', 'c']);
    const [first, second] = t.privateSockets() as [ScriptedSocket, ScriptedSocket];
    accept(first);
    expect(t.refreshed).toEqual(['a', 'b']);
    expect(t.modes.get('a')).toEqual({ live: true, note: null });
    expect(t.modes.get('c')).toEqual({ live: false, note: null });
    expect(t.modes.has('demo')).toBe(false);

    accept(second);
    first.push({ channel: 'balances', type: 'update', data: [{ asset: 'BTC', balance: 2 }], sequence: 2 });
    // A gap in the sequence: something may have been missed, so refresh exactly all the same.
    first.push({ channel: 'balances', type: 'update', data: [{ asset: 'BTC', balance: 3 }], sequence: 5 });
    expect(t.refreshed).toEqual(['a', 'b', 'c', 'a', 'b', 'a', 'b']);
    t.live.dispose();
  });

  it('a key without the WebSocket permission is not live and says how to turn it on', async () => {
    const t = setup([summary('a', 'key-1')], { deniedKeys: ['key-1'] });
    t.live.start();
    await settle();
    expect(t.privateSockets()).toHaveLength(0);
    expect(t.modes.get('a')).toEqual({ live: false, note: WEBSOCKET_PERMISSION_MESSAGE });
    t.live.dispose();
  });

  it('watches the valued pairs on the public ticker by their v2 symbols; an account is live only when its prices are', async () => {
    const t = setup([summary('a', 'key-1')]);
    t.live.start();
    await settle();
    accept(t.sockets.last());
    expect(t.modes.get('a')?.live).toBe(true);

    t.want({ table: new Map([['XXBTZUSD', BTC_USD]]), keys: ['XXBTZUSD'] });
    expect(t.modes.get('a')?.live).toBe(false);
    const ticker = t.publicSockets()[0] as ScriptedSocket;
    accept(ticker);
    expect(ticker.sent[0]).toMatchObject({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    expect(t.modes.get('a')?.live).toBe(true);
    ticker.push({ channel: 'ticker', type: 'update', data: [{ symbol: 'BTC/USD', last: 97250.1 }] });
    expect(t.pushed).toEqual([[{ pair: 'XXBTZUSD', price: expect.objectContaining({ symbol: 'BTC/USD', last: '97250.1' }) as unknown }]]);

    ticker.drop();
    expect(t.modes.get('a')?.live).toBe(false);
    t.live.dispose();
  });

  it('pauses every stream while asleep or offline and reconnects with a fresh token on wake', async () => {
    const t = setup([summary('a', 'key-1')]);
    t.live.start();
    await settle();
    accept(t.sockets.last());
    t.power('suspend');
    expect(t.sockets.last().closedByClient).toBe(true);
    expect(t.modes.get('a')?.live).toBe(false);
    t.power('offline');
    t.power('resume');
    await settle();
    expect(t.privateSockets()).toHaveLength(1);
    t.power('online');
    await settle();
    expect(t.privateSockets()).toHaveLength(2);
    expect(t.tokens).toHaveLength(2);
    accept(t.sockets.last(), 1);
    expect(t.modes.get('a')?.live).toBe(true);
    t.live.dispose();
  });
});
