import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { controlReply, type FakeControls } from './control.ts';
import { createFaultQueue, type FakeFault } from './faults.ts';
import {
  assetPairEntry,
  DEFAULT_ASSETS,
  DEFAULT_BALANCES,
  DEFAULT_PAIRS,
  FAKE_API_KEY,
  FAKE_API_SECRET,
  FAKE_NO_FUNDS_API_KEY,
  FAKE_NO_FUNDS_API_SECRET,
  FAKE_SECOND_API_KEY,
  FAKE_SECOND_API_SECRET,
  tickerEntry,
  type FakeAsset,
  type FakePairSpec,
} from './fixtures.ts';
import { readPrivateBody, signatureMatches } from './signature.ts';

export type FakeTier = 'starter' | 'intermediate' | 'pro';

const TIERS: Readonly<Record<FakeTier, { max: number; decayPerSecond: number }>> = {
  starter: { max: 15, decayPerSecond: 0.33 },
  intermediate: { max: 20, decayPerSecond: 0.5 },
  pro: { max: 20, decayPerSecond: 1 },
};

export interface FakeKeyConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Default true. A key without "Funds permissions: Query" gets 'EGeneral:Permission denied' on balances. */
  readonly canQueryFunds?: boolean;
  readonly balances?: Readonly<Record<string, string>>;
}

export interface FakeKrakenOptions {
  /** Default: FAKE_API_KEY and FAKE_SECOND_API_KEY (documented example balances) and FAKE_NO_FUNDS_API_KEY. */
  readonly keys?: readonly FakeKeyConfig[];
  /** Per-key private call counter like Kraken's; false turns it off. Default { tier: 'starter' }. */
  readonly rateLimit?: { readonly tier: FakeTier } | false;
  /** Epoch ms; drives the rate-limit decay. */
  readonly now?: () => number;
  readonly port?: number;
  readonly assets?: Readonly<Record<string, FakeAsset>>;
  readonly pairs?: readonly FakePairSpec[];
  /** Keep at most this many recorded calls (oldest dropped). Default 100 000. */
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
  readonly port: number;
  lastNonce(apiKey?: string): string | null;
  rateCounter(apiKey?: string): number;
  close(): Promise<void>;
}

interface KeyState {
  readonly secret: string;
  canQueryFunds: boolean;
  balances: Record<string, string>;
  holds: Record<string, string>;
  lastNonce: bigint | null;
  counter: number;
  counterAt: number;
}

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const ok = (result: unknown): Reply => ({ status: 200, body: JSON.stringify({ error: [], result }), contentType: 'application/json' });
const fail = (error: string, status = 200): Reply => ({ status, body: JSON.stringify({ error: [error] }), contentType: 'application/json' });

const htmlPage = (status: number, title: string): string =>
  `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>cloudflare</p></body></html>\n`;

const MAX_BODY_BYTES = 64 * 1024;

export async function startFakeKraken(options: FakeKrakenOptions = {}): Promise<FakeKraken> {
  const now = options.now ?? Date.now;
  const tier = options.rateLimit === false ? null : TIERS[options.rateLimit?.tier ?? 'starter'];
  const maxRecorded = options.maxRecordedCalls ?? 100_000;
  const keys = new Map<string, KeyState>();
  const faults = createFaultQueue();
  let calls: RecordedCall[] = [];

  const addKey = (config: FakeKeyConfig): void => {
    keys.set(config.apiKey, {
      secret: config.apiSecret,
      canQueryFunds: config.canQueryFunds ?? true,
      balances: { ...(config.balances ?? DEFAULT_BALANCES) },
      holds: {},
      lastNonce: null,
      counter: 0,
      counterAt: now(),
    });
  };
  const defaultKeys: FakeKeyConfig[] = [
    { apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET },
    { apiKey: FAKE_SECOND_API_KEY, apiSecret: FAKE_SECOND_API_SECRET },
    { apiKey: FAKE_NO_FUNDS_API_KEY, apiSecret: FAKE_NO_FUNDS_API_SECRET, canQueryFunds: false },
  ];
  for (const config of options.keys ?? defaultKeys) addKey(config);
  const keyState = (apiKey: string | undefined): KeyState => {
    const state = keys.get(apiKey ?? options.keys?.[0]?.apiKey ?? FAKE_API_KEY);
    if (state === undefined) throw new Error(`fake kraken: unknown key ${apiKey ?? '(default)'}`);
    return state;
  };

  // Public answers never change, so they are serialised once.
  const assetsBody = options.assets ?? DEFAULT_ASSETS;
  const pairSpecs = options.pairs ?? DEFAULT_PAIRS;
  const pairEntries = Object.fromEntries(pairSpecs.map((p) => [p.key, assetPairEntry(p)]));
  const tickerEntries = new Map(pairSpecs.map((p) => [p.key, tickerEntry(p.last)]));
  const assetsReply = ok(assetsBody);
  const pairsReply = ok(pairEntries);

  const decayedCounter = (state: KeyState): number => {
    if (tier === null) return 0;
    const t = now();
    state.counter = Math.max(0, state.counter - (Math.max(0, t - state.counterAt) / 1000) * tier.decayPerSecond);
    state.counterAt = Math.max(state.counterAt, t);
    return state.counter;
  };

  const record = (call: RecordedCall): void => {
    calls.push(call);
    if (calls.length > maxRecorded) calls = calls.slice(calls.length - maxRecorded);
  };

  const publicReply = (method: string, query: URLSearchParams): Reply => {
    switch (method) {
      case 'Time': {
        const t = now();
        return ok({ unixtime: Math.floor(t / 1000), rfc1123: new Date(t).toUTCString() });
      }
      case 'SystemStatus':
        return ok({ status: 'online', timestamp: new Date(now()).toISOString() });
      case 'Assets':
        return assetsReply;
      case 'AssetPairs':
        return pairsReply;
      case 'Ticker': {
        const wanted = query.get('pair');
        if (wanted === null || wanted === '') return ok(Object.fromEntries(tickerEntries));
        const result: Record<string, unknown> = {};
        for (const name of wanted.split(',')) {
          const spec = pairSpecs.find((p) => p.key === name || p.altname === name);
          if (spec === undefined) return fail('EQuery:Unknown asset pair');
          result[spec.key] = tickerEntries.get(spec.key);
        }
        return ok(result);
      }
      default:
        return fail('EGeneral:Unknown method', 404);
    }
  };

  const privateReply = (method: string, state: KeyState, params: ReadonlyMap<string, string>): Reply => {
    if (method !== 'Balance' && method !== 'BalanceEx') return fail('EGeneral:Unknown method', 404);
    if (!state.canQueryFunds) return fail('EGeneral:Permission denied');
    const rebase = params.get('rebase_multiplier');
    if (rebase !== undefined && rebase !== 'rebased' && rebase !== 'base') return fail('EGeneral:Invalid arguments:rebase_multiplier');
    if (method === 'Balance') return ok(state.balances);
    const extended: Record<string, { balance: string; hold_trade: string }> = {};
    for (const [code, balance] of Object.entries(state.balances)) {
      extended[code] = { balance, hold_trade: state.holds[code] ?? '0.0000' };
    }
    return ok(extended);
  };

  // Order of checks follows Kraken: key, nonce present, signature, nonce order; then faults, rate limit, permissions.
  const handle = async (req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (path.startsWith('/__fake/')) {
      const control = controlReply(req.method ?? 'GET', path, rawBody.toString('utf8'), controls);
      res.writeHead(control.status, { 'Content-Type': 'application/json' }).end(control.body);
      return;
    }
    const at = now();
    const base = { method: req.method ?? 'GET', path, at };

    const privateMatch = /^\/0\/private\/([A-Za-z]+)$/.exec(path);
    const publicMatch = /^\/0\/public\/([A-Za-z]+)$/.exec(path);
    const apiKeyHeader = req.headers['api-key'];
    const apiKey = typeof apiKeyHeader === 'string' ? apiKeyHeader : null;
    let nonce: string | null = null;
    let verified = false;
    let bodyFormat: 'json' | 'form' | null = null;
    let reply: Reply | null = null;
    let state: KeyState | undefined;
    let params: ReadonlyMap<string, string> = new Map();

    if (privateMatch !== null && req.method === 'POST') {
      state = apiKey === null ? undefined : keys.get(apiKey);
      const parsed = readPrivateBody(rawBody, req.headers['content-type'] ?? '');
      nonce = parsed?.nonce ?? null;
      bodyFormat = parsed?.format ?? null;
      params = parsed?.params ?? params;
      const sign = req.headers['api-sign'];
      if (state === undefined) reply = fail('EAPI:Invalid key');
      else if (parsed === null || nonce === null) reply = fail('EAPI:Invalid nonce');
      else if (typeof sign !== 'string' || !signatureMatches(path, nonce, rawBody, state.secret, sign)) reply = fail('EAPI:Invalid signature');
      else {
        verified = true;
        const value = BigInt(nonce);
        if (state.lastNonce !== null && value <= state.lastNonce) reply = fail('EAPI:Invalid nonce');
        else state.lastNonce = value;
      }
    } else if (publicMatch === null || req.method !== 'GET') {
      reply = fail('EGeneral:Unknown method', 404);
    }

    const fault = reply === null ? faults.take(path) : undefined;
    const finish = (r: Reply, errors: readonly string[]): void => {
      record({ ...base, apiKey, nonce, verified, bodyFormat, status: r.status, errors, fault: fault?.type ?? null });
      res.writeHead(r.status, { 'Content-Type': r.contentType, 'Content-Length': Buffer.byteLength(r.body), ...r.headers });
      res.end(r.body);
    };

    if (fault !== undefined) {
      switch (fault.type) {
        case 'kraken-error':
          finish(fail(fault.error, fault.status), [fault.error]);
          return;
        case 'html':
          finish({ status: fault.status, body: htmlPage(fault.status, 'Bad gateway'), contentType: 'text/html' }, ['html']);
          return;
        case 'too-many-requests':
          finish({
            status: 429,
            body: htmlPage(429, 'Too Many Requests'),
            contentType: 'text/html',
            headers: fault.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(fault.retryAfterSeconds) },
          }, ['429']);
          return;
        case 'malformed-json':
          finish({ status: 200, body: '{"error":[],"result":{"ZUSD":"171288.61', contentType: 'application/json' }, ['malformed-json']);
          return;
        case 'raw':
          finish({ status: fault.status, body: fault.body, contentType: fault.contentType ?? 'application/json' }, ['raw']);
          return;
        case 'reset':
          record({ ...base, apiKey, nonce, verified, bodyFormat, status: 0, errors: ['reset'], fault: 'reset' });
          // A TCP RST, like a proxy dropping the connection, rather than a polite FIN.
          req.socket.resetAndDestroy();
          return;
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, fault.ms));
          if (res.destroyed || req.socket.destroyed) {
            record({ ...base, apiKey, nonce, verified, bodyFormat, status: 0, errors: ['client-gone'], fault: 'delay' });
            return;
          }
          break;
      }
    }

    if (reply === null && state !== undefined && privateMatch?.[1] !== undefined) {
      if (tier !== null && decayedCounter(state) + 1 > tier.max) reply = fail('EAPI:Rate limit exceeded');
      else {
        if (tier !== null) state.counter += 1;
        reply = privateReply(privateMatch[1], state, params);
      }
    }
    if (reply === null && publicMatch?.[1] !== undefined) reply = publicReply(publicMatch[1], url.searchParams);
    const final = reply ?? fail('EGeneral:Internal error', 500);
    const errors = final.contentType === 'application/json' ? (JSON.parse(final.body) as { error: string[] }).error : [];
    finish(final, errors);
  };

  const controls: FakeControls = {
    get calls() {
      return calls;
    },
    clearCalls: () => {
      calls = [];
    },
    injectFault: (fault, faultOptions) => faults.add(fault, faultOptions),
    clearFaults: () => faults.clear(),
    addKey,
    setBalances: (balances, apiKey) => {
      keyState(apiKey).balances = { ...balances };
    },
    setHolds: (holds, apiKey) => {
      keyState(apiKey).holds = { ...holds };
    },
    setPermissions: (canQueryFunds, apiKey) => {
      keyState(apiKey).canQueryFunds = canQueryFunds;
    },
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

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get calls() {
      return calls;
    },
    clearCalls: controls.clearCalls,
    injectFault: controls.injectFault,
    clearFaults: controls.clearFaults,
    addKey: controls.addKey,
    setBalances: controls.setBalances,
    setHolds: controls.setHolds,
    setPermissions: controls.setPermissions,
    lastNonce: (apiKey) => keyState(apiKey).lastNonce?.toString() ?? null,
    rateCounter: (apiKey) => decayedCounter(keyState(apiKey)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
