import { describe, expect, it } from 'vitest';
import { createFakeClock, settle } from '../../refresh/fake-clock.ts';
import { attachBalancesChannel } from './balances-channel.ts';
import { createStreamConnection } from './connection.ts';
import { createScriptedSockets, type ScriptedSocket } from './testing/scripted-sockets.ts';
import { StreamPermissionDenied, UNREACHABLE_MESSAGE, type ResyncReason, type StreamStatus } from './types.ts';

const URL = 'wss://ws-auth.example/v2';

function setup(options: { random?: number; token?: () => Promise<string>; channel?: boolean } = {}) {
  const clock = createFakeClock(1_000_000);
  const sockets = createScriptedSockets();
  const statuses: StreamStatus[] = [];
  const resyncs: ResyncReason[] = [];
  const changes: string[] = [];
  let tokens = 0;
  const getToken = options.token ?? (async () => `token-${++tokens}`);
  const connection = createStreamConnection({
    url: URL,
    socketFactory: sockets.factory,
    clock,
    random: () => options.random ?? 0.5,
    getToken,
    onStatus: (s) => statuses.push(s),
    onResync: (r) => resyncs.push(r),
  });
  if (options.channel !== false) attachBalancesChannel(connection, { onChanged: (s) => changes.push(`${s.cause}:${s.sequence}`) });
  const state = (): string => connection.status().state;
  return { clock, sockets, statuses, resyncs, changes, connection, state, tokensIssued: () => tokens };
}

/** A connection started and past its token fetch (the first socket exists, not yet open). */
async function started(options: Parameters<typeof setup>[0] = {}): Promise<ReturnType<typeof setup>> {
  const t = setup(options);
  t.connection.start();
  await settle();
  return t;
}

/** The server refuses the client's subscription with this error. */
function refuseSubscription(socket: ScriptedSocket, error: string): void {
  socket.push({ method: 'subscribe', error, success: false, req_id: socket.sent[0]?.['req_id'] });
}

/** Plays Kraken for one connection: open, ack the subscribe, send the snapshot. */
function acceptSubscription(socket: ScriptedSocket, sequence = 1): void {
  socket.open();
  const request = socket.sent.find((m) => m['method'] === 'subscribe');
  socket.push({ method: 'subscribe', result: { channel: 'balances', snapshot: true }, success: true, req_id: request?.['req_id'] });
  socket.push({ channel: 'balances', type: 'snapshot', data: [{ asset: 'BTC', balance: 1.2, wallets: [] }], sequence });
}

const heartbeat = { channel: 'heartbeat' };

describe('stream connection: connecting and live', () => {
  it('gets a token, opens, subscribes with it, and is live once the subscription is acknowledged', async () => {
    const t = setup();
    t.connection.start();
    expect(t.state()).toBe('connecting');
    expect(t.sockets.sockets).toHaveLength(0);
    await settle();
    const socket = t.sockets.last();
    expect(socket.url).toBe(URL);
    socket.open();
    expect(socket.sent).toEqual([{ method: 'subscribe', params: { channel: 'balances', token: 'token-1', snapshot: true }, req_id: expect.any(Number) as unknown }]);
    expect(t.state()).toBe('connecting');
    socket.push({ method: 'subscribe', result: { channel: 'balances' }, success: true, req_id: socket.sent[0]?.['req_id'] });
    expect(t.connection.status()).toEqual({ state: 'live', since: 1_000_000 });
    socket.push({ channel: 'balances', type: 'snapshot', data: [{ asset: 'BTC' }], sequence: 1 });
    expect(t.changes).toEqual(['snapshot:1']);
  });

  it('stays live while heartbeats arrive, without pinging', async () => {
    const t = await started();
    acceptSubscription(t.sockets.last());
    for (let i = 0; i < 120; i += 1) {
      t.clock.advance(1000);
      t.sockets.last().push(heartbeat);
    }
    expect(t.state()).toBe('live');
    expect(t.sockets.sockets).toHaveLength(1);
    expect(t.sockets.last().sent.filter((m) => m['method'] === 'ping')).toEqual([]);
  });

  it('pings after 2.5 s of silence; a pong keeps the connection', async () => {
    const t = await started();
    const socket = t.sockets.last();
    acceptSubscription(socket);
    for (let i = 0; i < 10; i += 1) {
      t.clock.advance(2500);
      const ping = socket.sent.at(-1);
      expect(ping).toMatchObject({ method: 'ping' });
      socket.push({ method: 'pong', req_id: ping?.['req_id'], time_in: 'x', time_out: 'y' });
    }
    expect(t.state()).toBe('live');
  });
});

describe('stream connection: watchdog, backoff and fresh tokens', () => {
  it('reconnects with a fresh token when nothing arrives for 5 s (stale), after one unanswered ping', async () => {
    const t = await started({ random: 0 });
    const first = t.sockets.last();
    acceptSubscription(first);
    t.clock.advance(4999);
    expect(t.state()).toBe('live');
    expect(first.sent.filter((m) => m['method'] === 'ping')).toHaveLength(1);
    t.clock.advance(1);
    expect(t.connection.status()).toEqual({ state: 'backoff', attempt: 1, retryAt: 1_005_000 + 500, problem: 'stale' });
    expect(first.closedByClient).toBe(true);
    t.clock.advance(500);
    await settle();
    expect(t.state()).toBe('connecting');
    const second = t.sockets.last();
    second.open();
    expect(second.sent[0]).toMatchObject({ params: { token: 'token-2' } });
    expect(t.connection.stats()).toMatchObject({ staleReconnects: 1, tokensRequested: 2, opened: 2 });
  });

  it('backs off exponentially with jitter up to a cap, and from the start again after a stable connection', async () => {
    const delays = async (random: number, count: number): Promise<number[]> => {
      const t = setup({ random });
      t.connection.start();
      const out: number[] = [];
      for (let i = 0; i < count; i += 1) {
        await settle();
        t.sockets.last().open();
        t.sockets.last().drop();
        const status = t.connection.status();
        if (status.state !== 'backoff') throw new Error(status.state);
        out.push(status.retryAt - t.clock.now());
        t.clock.advance(status.retryAt - t.clock.now());
      }
      return out;
    };
    expect(await delays(0, 9)).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(await delays(0.999_999, 8)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);

    const t = setup({ random: 0 });
    t.connection.start();
    for (let i = 0; i < 4; i += 1) {
      await settle();
      t.sockets.last().open();
      t.sockets.last().drop();
      t.clock.advance(60_000);
    }
    await settle();
    acceptSubscription(t.sockets.last());
    for (let i = 0; i < 61; i += 1) {
      t.clock.advance(1000);
      t.sockets.last().push(heartbeat);
    }
    t.sockets.last().drop();
    expect(t.connection.status()).toMatchObject({ state: 'backoff', attempt: 1, problem: 'closed' });
    expect((t.connection.status() as { retryAt: number }).retryAt - t.clock.now()).toBe(500);
  });

  it.each([
    ['ESession:Invalid session', 'token-rejected'],
    ['EGeneral:Internal error', 'subscribe-failed'],
  ])('a subscription refused with %s: %s, then a new connection with a new token', async (error, problem) => {
    const t = await started();
    t.sockets.last().open();
    refuseSubscription(t.sockets.last(), error);
    expect(t.connection.status()).toMatchObject({ state: 'backoff', problem });
    expect(t.sockets.last().closedByClient).toBe(true);
    t.clock.advance(1000);
    await settle();
    t.sockets.last().open();
    expect(t.sockets.last().sent[0]).toMatchObject({ params: { token: 'token-2' } });
  });

  it('a subscription never answered (while heartbeats and pongs flow) reconnects after 10 s', async () => {
    const t = await started();
    const socket = t.sockets.last();
    socket.open();
    for (let i = 0; i < 9; i += 1) {
      t.clock.advance(1000);
      socket.push(heartbeat);
    }
    expect(t.state()).toBe('connecting');
    t.clock.advance(1000);
    expect(t.connection.status()).toMatchObject({ state: 'backoff', problem: 'subscribe-timeout' });
  });

  it('a token that cannot be fetched (network, rate limit) backs off without opening a socket', async () => {
    const t = await started({ token: () => Promise.reject(new Error('network down')) });
    expect(t.connection.status()).toMatchObject({ state: 'backoff', problem: 'token-failed' });
    expect(t.sockets.sockets).toHaveLength(0);
  });

  it('ignores frames it cannot read, counts them, and does not let them keep a dead connection alive', async () => {
    const t = await started();
    const socket = t.sockets.last();
    acceptSubscription(socket);
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(1000);
      socket.push(i % 2 === 0 ? '{"channel":"heartbeat"' : '[1,2]');
    }
    expect(t.state()).toBe('live');
    t.clock.advance(1000);
    expect(t.connection.status()).toMatchObject({ state: 'backoff', problem: 'stale' });
    expect(t.connection.stats().malformedFrames).toBe(4);
  });
});

describe('stream connection: polling with a reason', () => {
  it('a key without the WebSocket permission: polling with the reason, no socket, a retry in an hour or on retryNow()', async () => {
    let calls = 0;
    const t = await started({ token: () => (++calls === 1 ? Promise.reject(new StreamPermissionDenied('needs WebSocket interface')) : Promise.resolve('ok-token')) });
    expect(t.connection.status()).toEqual({ state: 'polling', reason: 'permission-denied', message: 'needs WebSocket interface', retryAt: 1_000_000 + 3_600_000 });
    expect(t.sockets.sockets).toHaveLength(0);
    t.connection.retryNow();
    await settle();
    acceptSubscription(t.sockets.last());
    expect(t.state()).toBe('live');
  });

  it('three connections in a row that never open (upgrade refused, blocked): polling as unreachable, retried every 5 minutes', async () => {
    const t = setup({ random: 0 });
    t.connection.start();
    for (let i = 0; i < 2; i += 1) {
      await settle();
      t.sockets.last().refuse();
      expect(t.connection.status()).toMatchObject({ state: 'backoff', problem: 'connect-failed' });
      t.clock.advance(60_000);
    }
    await settle();
    t.clock.advance(10_000);
    expect(t.connection.status()).toEqual({ state: 'polling', reason: 'unreachable', message: UNREACHABLE_MESSAGE, retryAt: t.clock.now() + 300_000 });
    t.clock.advance(299_999);
    expect(t.sockets.sockets).toHaveLength(3);
    t.clock.advance(1);
    await settle();
    t.sockets.last().refuse();
    expect(t.connection.status()).toMatchObject({ state: 'polling', reason: 'unreachable' });
    t.clock.advance(300_000);
    await settle();
    acceptSubscription(t.sockets.last());
    expect(t.state()).toBe('live');
  });

  it('a connection that opens resets the count of failed opens', async () => {
    const t = setup({ random: 0 });
    t.connection.start();
    for (const outcome of ['refuse', 'refuse', 'open', 'refuse', 'refuse'] as const) {
      await settle();
      if (outcome === 'refuse') t.sockets.last().refuse();
      else {
        t.sockets.last().open();
        t.sockets.last().drop();
      }
      t.clock.advance(60_000);
    }
    expect(t.state()).not.toBe('polling');
  });
});

describe('stream connection: pause, resume, stop', () => {
  it('pause closes and stays quiet; resume asks for a resync and reconnects at once with a fresh token', async () => {
    const t = await started();
    const socket = t.sockets.last();
    acceptSubscription(socket);
    t.connection.pause();
    expect(t.connection.status()).toEqual({ state: 'paused' });
    expect(socket.closedByClient).toBe(true);
    t.clock.advance(3_600_000);
    await settle();
    expect(t.sockets.sockets).toHaveLength(1);
    expect(t.clock.pendingTimers()).toBe(0);
    t.connection.resume();
    expect(t.resyncs).toEqual(['resumed']);
    await settle();
    acceptSubscription(t.sockets.last());
    expect(t.sockets.last().sent[0]).toMatchObject({ params: { token: 'token-2' } });
    expect(t.changes).toEqual(['snapshot:1', 'snapshot:1']);
    expect(t.state()).toBe('live');
  });

  it('a token that arrives after pause is not used', async () => {
    let resolveToken: (token: string) => void = () => undefined;
    const t = setup({ token: () => new Promise<string>((resolve) => (resolveToken = resolve)) });
    t.connection.start();
    t.connection.pause();
    resolveToken('late');
    await settle();
    expect(t.sockets.sockets).toHaveLength(0);
    expect(t.state()).toBe('paused');
  });

  it('stop ends everything: idle, no timers, late socket events ignored', async () => {
    const t = await started();
    const socket = t.sockets.last();
    acceptSubscription(socket);
    t.connection.stop();
    expect(t.connection.status()).toEqual({ state: 'idle' });
    expect(t.clock.pendingTimers()).toBe(0);
    socket.push({ channel: 'balances', type: 'update', data: [{ asset: 'BTC' }], sequence: 2 });
    socket.drop();
    expect(t.changes).toEqual(['snapshot:1']);
    expect(t.state()).toBe('idle');
  });

  it('reports every state change, in order', async () => {
    const t = await started({ random: 0 });
    acceptSubscription(t.sockets.last());
    t.sockets.last().drop();
    t.clock.advance(500);
    t.connection.pause();
    t.connection.resume();
    t.connection.stop();
    expect(t.statuses.map((s) => s.state)).toEqual(['connecting', 'live', 'backoff', 'connecting', 'paused', 'connecting', 'idle']);
  });
});
