import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startBalanceWalk, type BalanceChange, type BalanceWalk, type BalanceWalkOptions } from './balance-walk.ts';
import { controlReply, type FakeControls } from './control.ts';
import { fail, type Reply } from './envelope.ts';
import { createFaultQueue, type FakeFault } from './faults.ts';
import { DEFAULT_ASSETS, DEFAULT_KEYS, DEFAULT_PAIRS, FAKE_API_KEY, type FakeAsset, type FakePairSpec } from './fixtures.ts';
import { createKeyRing, privateReply, TIERS, type FakeKeyConfig, type FakeTier } from './keys.ts';
import { createFakeMarket } from './market.ts';
import { faultReply } from './rest-faults.ts';
import { authenticate, type Authenticated } from './signature.ts';
import { createTokenBook } from './tokens.ts';
import { WS_PRIVATE_PATH, WS_PUBLIC_PATH, type StreamEndpoint, type StreamTimers } from './ws-api.ts';
import { createFakeStreams } from './ws-server.ts';

export type { FakeKeyConfig, FakeTier } from './keys.ts';

export interface FakeKrakenOptions {
  /** Default: DEFAULT_KEYS (the funded ones hold the documented example balances). */
  readonly keys?: readonly FakeKeyConfig[];
  /** Per-key private call counter like Kraken's; false turns it off. Default { tier: 'starter' }. */
  readonly rateLimit?: { readonly tier: FakeTier } | false;
  /** Epoch ms; drives the rate-limit decay, token lifetimes and timestamps. */
  readonly now?: () => number;
  /** Timers for WebSocket heartbeats and balance walks. Default: Node's. */
  readonly timers?: StreamTimers;
  /** WebSocket heartbeat interval while subscribed. Default 1000 (Kraken: about once a second). */
  readonly heartbeatMs?: number;
  readonly port?: number;
  readonly assets?: Readonly<Record<string, FakeAsset>>;
  readonly pairs?: readonly FakePairSpec[];
  /** Keep at most this many recorded calls and stream events (oldest dropped). Default 100 000 / 10 000. */
  readonly maxRecordedCalls?: number;
}

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly apiKey: string | null;
  readonly nonce: string | null;
  /** The API-Sign matched the raw body for the key's secret. */
  readonly verified: boolean;
  readonly bodyFormat: 'json' | 'form' | null;
  readonly status: number;
  /** Kraken error strings sent back, or the fault name for non-envelope answers. */
  readonly errors: readonly string[];
  readonly fault: FakeFault['type'] | null;
  readonly at: number;
}

/** The in-process handle; the same controls are reachable over HTTP (see control.ts). */
export interface FakeKraken extends FakeControls {
  /** e.g. http://127.0.0.1:54321 — use as the client's baseUrl / KRAKEN_API_URL. */
  readonly url: string;
  /** ws://127.0.0.1:<port>/ws/v2, standing in for wss://ws.kraken.com/v2. */
  readonly wsPublicUrl: string;
  /** ws://127.0.0.1:<port>/ws-auth/v2, standing in for wss://ws-auth.kraken.com/v2. */
  readonly wsPrivateUrl: string;
  readonly port: number;
  lastNonce(apiKey?: string): string | null;
  rateCounter(apiKey?: string): number;
  openStreams(endpoint?: StreamEndpoint): number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const REAL_TIMERS: StreamTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export async function startFakeKraken(options: FakeKrakenOptions = {}): Promise<FakeKraken> {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? REAL_TIMERS;
  const maxRecorded = options.maxRecordedCalls ?? 100_000;
  const tier = options.rateLimit === false ? null : TIERS[options.rateLimit?.tier ?? 'starter'];
  const keys = createKeyRing(options.keys ?? DEFAULT_KEYS, options.keys?.[0]?.apiKey ?? FAKE_API_KEY, tier, now);
  const market = createFakeMarket(options.assets ?? DEFAULT_ASSETS, options.pairs ?? DEFAULT_PAIRS, now);
  const tokens = createTokenBook(now);
  const streams = createFakeStreams({ now, timers, heartbeatMs: options.heartbeatMs ?? 1000, market, keys, tokens, maxEvents: options.maxRecordedCalls });
  const faults = createFaultQueue();
  /** Calls held by a 'hold' fault, each waiting for releaseHeld() (or close()). */
  const held: (() => void)[] = [];
  const releaseHeld = (): void => {
    for (const release of held.splice(0)) release();
  };
  const walks = new Set<BalanceWalk>();
  let calls: RecordedCall[] = [];
  let balanceChanges: BalanceChange[] = [];

  const record = (call: RecordedCall): void => {
    calls.push(call);
    if (calls.length > maxRecorded) calls = calls.slice(calls.length - maxRecorded);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (path.startsWith('/__fake/')) {
      const control = controlReply(req.method ?? 'GET', path, rawBody.toString('utf8'), fake);
      res.writeHead(control.status, { 'Content-Type': 'application/json' }).end(control.body);
      return;
    }
    const privateMatch = /^\/0\/private\/([A-Za-z]+(?:\/[A-Za-z]+)?)$/.exec(path);
    const publicMatch = /^\/0\/public\/([A-Za-z]+)$/.exec(path);
    const apiKeyHeader = req.headers['api-key'];
    const apiKey = typeof apiKeyHeader === 'string' ? apiKeyHeader : null;
    const isPrivate = privateMatch !== null && req.method === 'POST';
    const auth: Authenticated = isPrivate
      ? authenticate(req, path, rawBody, apiKey === null ? undefined : keys.find(apiKey))
      : { state: undefined, nonce: null, verified: false, bodyFormat: null, params: new Map(), refusal: null };
    let reply = auth.refusal ?? (!isPrivate && (publicMatch === null || req.method !== 'GET') ? fail('EGeneral:Unknown method', 404) : null);

    const fault = reply === null ? faults.take(path) : undefined;
    const recordAs = (status: number, errors: readonly string[]): void =>
      record({ method: req.method ?? 'GET', path, at: now(), apiKey, nonce: auth.nonce, verified: auth.verified, bodyFormat: auth.bodyFormat, status, errors, fault: fault?.type ?? null });
    const finish = (r: Reply, errors: readonly string[]): void => {
      recordAs(r.status, errors);
      res.writeHead(r.status, { 'Content-Type': r.contentType, 'Content-Length': Buffer.byteLength(r.body), ...r.headers });
      res.end(r.body);
    };

    if (fault !== undefined) {
      const instead = faultReply(fault);
      if (instead !== null) return finish(instead.reply, instead.errors);
      if (fault.type === 'reset') {
        recordAs(0, ['reset']);
        // A TCP RST, like a proxy dropping the connection, rather than a polite FIN.
        req.socket.resetAndDestroy();
        return;
      }
      if (fault.type === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault.type === 'hold') await new Promise<void>((resolve) => held.push(resolve));
      if (res.destroyed || req.socket.destroyed) return recordAs(0, ['client-gone']);
    }

    const { state } = auth;
    if (reply === null && state !== undefined && privateMatch?.[1] !== undefined) {
      reply = keys.spend(state, 1)
        ? privateReply(privateMatch[1], state, auth.params, { issueToken: () => tokens.issue(apiKey ?? ''), now })
        : fail('EAPI:Rate limit exceeded');
    }
    if (reply === null && publicMatch?.[1] !== undefined) reply = market.publicReply(publicMatch[1], url.searchParams);
    const final = reply ?? fail('EGeneral:Internal error', 500);
    finish(final, final.contentType === 'application/json' ? (JSON.parse(final.body) as { error: string[] }).error : []);
  };

  const setBalances = (balances: Readonly<Record<string, string>>, apiKey?: string): void => {
    const state = keys.get(apiKey);
    const before = state.balances;
    state.balances = { ...balances };
    streams.balancesChanged(keys.resolve(apiKey), before, state.balances);
  };

  const startWalk = (walkOptions: BalanceWalkOptions): Promise<void> => {
    const apiKey = keys.resolve(walkOptions.apiKey);
    keys.get(apiKey);
    const walk = startBalanceWalk(apiKey, walkOptions, {
      now,
      timers,
      balances: (key) => keys.get(key).balances,
      setBalances,
      record: (change) => balanceChanges.push(change),
    });
    walks.add(walk);
    void walk.done.then(() => walks.delete(walk));
    return walk.done;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.socket.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  server.on('upgrade', (req, socket, head) => streams.handleUpgrade(req, socket, head));
  // Sockets are tracked so close() does not wait for idle keep-alive connections.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeKraken = {
    url: `http://127.0.0.1:${port}`,
    wsPublicUrl: `ws://127.0.0.1:${port}${WS_PUBLIC_PATH}`,
    wsPrivateUrl: `ws://127.0.0.1:${port}${WS_PRIVATE_PATH}`,
    port,
    get calls() {
      return calls;
    },
    clearCalls: () => {
      calls = [];
    },
    injectFault: (fault, faultOptions) => faults.add(fault, faultOptions),
    clearFaults: () => faults.clear(),
    releaseHeld,
    addKey: (config) => keys.add(config),
    deleteKey: (apiKey) => keys.remove(apiKey),
    setBalances,
    setEarn: (earn, apiKey) => {
      keys.get(apiKey).earn = earn;
    },
    setHolds: (holds, apiKey) => {
      keys.get(apiKey).holds = { ...holds };
    },
    setPermissions: (canQueryFunds, apiKey) => {
      keys.get(apiKey).canQueryFunds = canQueryFunds;
    },
    setWebSocketPermission: (allowed, apiKey) => {
      keys.get(apiKey).canUseWebSockets = allowed;
    },
    setPrices: (prices) => streams.pricesChanged(market.setPrices(prices)),
    injectStreamFault: (fault, faultOptions) => streams.injectFault(fault, faultOptions),
    clearStreamFaults: () => streams.clearFaults(),
    get streamEvents() {
      return streams.events;
    },
    clearStreamEvents: () => streams.clearEvents(),
    startBalanceWalk: startWalk,
    get balanceChanges() {
      return balanceChanges;
    },
    clearBalanceChanges: () => {
      balanceChanges = [];
    },
    lastNonce: (apiKey) => keys.get(apiKey).lastNonce?.toString() ?? null,
    rateCounter: (apiKey) => keys.decayedCounter(keys.get(apiKey)),
    openStreams: (endpoint) => streams.openConnections(endpoint),
    close: () =>
      new Promise<void>((resolve) => {
        for (const walk of walks) walk.cancel();
        releaseHeld();
        streams.close();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}
