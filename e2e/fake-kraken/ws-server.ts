import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { jsonNumber, rfc3339 } from './envelope.ts';
import { createFaultQueue, type FaultQueue } from './faults.ts';
import { balancesSnapshotData, balanceUpdateEntries, createLedgerIds } from './ws-balances.ts';
import {
  endpointPath,
  isArmedStreamFault,
  WS_PRIVATE_PATH,
  WS_PUBLIC_PATH,
  type ArmedStreamFaultType,
  type FakeStreams,
  type FakeStreamsOptions,
  type StreamEndpoint,
  type StreamEvent,
  type StreamFault,
} from './ws-api.ts';

interface Connection {
  readonly id: number;
  readonly endpoint: StreamEndpoint;
  readonly socket: WebSocket;
  stalled: boolean;
  /** The token and key of the balances subscription, once there is one. */
  token: string | null;
  apiKey: string | null;
  sequence: number;
  readonly symbols: Set<string>;
  heartbeat: unknown;
}

type Json = Record<string, unknown>;

// Kraken's connection ids are 64-bit integers written as JSON numbers, beyond what a double holds exactly.
const CONNECTION_ID_BASE = 13834774380200032000n;

export function createFakeStreams(options: FakeStreamsOptions): FakeStreams {
  const { now, timers, market, keys, tokens } = options;
  const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const connections = new Set<Connection>();
  const armed: Record<ArmedStreamFaultType, FaultQueue<StreamFault>> = {
    'reject-token': createFaultQueue(),
    'sequence-gap': createFaultQueue(),
    'refuse-upgrade': createFaultQueue(),
  };
  const ledgerIds = createLedgerIds();
  const maxEvents = options.maxEvents ?? 10_000;
  let events: StreamEvent[] = [];
  let nextId = 1;

  const record = (event: Omit<StreamEvent, 'at'>): void => {
    events.push({ at: now(), ...event });
    if (events.length > maxEvents) events = events.slice(events.length - maxEvents);
  };
  const send = (conn: Connection, message: Json): void => {
    if (!conn.stalled && conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(message));
  };
  const answer = (conn: Connection, method: string, reqId: unknown, timeIn: string, body: Json): void => {
    const success = 'result' in body || method === 'pong';
    send(conn, {
      method,
      ...body,
      ...(method === 'pong' ? {} : { success }),
      time_in: timeIn,
      time_out: rfc3339(now()),
      ...(typeof reqId === 'number' ? { req_id: reqId } : {}),
    });
  };

  const beat = (conn: Connection): void => {
    send(conn, { channel: 'heartbeat' });
    conn.heartbeat = timers.setTimeout(() => beat(conn), options.heartbeatMs);
  };
  const updateHeartbeat = (conn: Connection): void => {
    const subscribed = conn.token !== null || conn.symbols.size > 0;
    if (subscribed && conn.heartbeat === null) conn.heartbeat = timers.setTimeout(() => beat(conn), options.heartbeatMs);
    if (!subscribed && conn.heartbeat !== null) {
      timers.clearTimeout(conn.heartbeat);
      conn.heartbeat = null;
    }
  };

  const subscribeBalances = (conn: Connection, params: Json, reqId: unknown, timeIn: string): void => {
    const refuse = (error: string): void => {
      record({ endpoint: conn.endpoint, connection: conn.id, event: 'rejected', channel: 'balances', detail: error });
      answer(conn, 'subscribe', reqId, timeIn, { error });
    };
    if (conn.endpoint !== 'private') return refuse('EGeneral:Invalid arguments:channel needs the authenticated endpoint');
    const token = params['token'];
    const forced = armed['reject-token'].take(WS_PRIVATE_PATH) !== undefined;
    const apiKey = typeof token === 'string' && !forced ? tokens.check(token) : null;
    if (typeof token !== 'string' || apiKey === null) return refuse('ESession:Invalid session');
    if (keys.find(apiKey)?.canQueryFunds !== true) return refuse('EGeneral:Permission denied');
    if (conn.token !== null) return refuse('Already subscribed');
    conn.token = token;
    conn.apiKey = apiKey;
    tokens.hold(token);
    const snapshot = params['snapshot'] !== false;
    record({ endpoint: conn.endpoint, connection: conn.id, event: 'subscribed', channel: 'balances' });
    answer(conn, 'subscribe', reqId, timeIn, { result: { channel: 'balances', snapshot } });
    if (snapshot) {
      const data = balancesSnapshotData(keys.get(apiKey).balances, market.assets);
      conn.sequence += 1;
      send(conn, { channel: 'balances', type: 'snapshot', data, sequence: conn.sequence });
    }
    updateHeartbeat(conn);
  };

  const subscribeTicker = (conn: Connection, params: Json, reqId: unknown, timeIn: string): void => {
    const symbols = params['symbol'];
    if (!Array.isArray(symbols) || symbols.length === 0 || !symbols.every((s) => typeof s === 'string')) {
      answer(conn, 'subscribe', reqId, timeIn, { error: 'EGeneral:Invalid arguments:symbol' });
      return;
    }
    const snapshot = params['snapshot'] !== false;
    for (const symbol of symbols as string[]) {
      if (!market.hasSymbol(symbol)) {
        record({ endpoint: conn.endpoint, connection: conn.id, event: 'rejected', channel: 'ticker', detail: symbol });
        answer(conn, 'subscribe', reqId, timeIn, { error: 'Currency pair not supported', symbol });
        continue;
      }
      if (conn.symbols.has(symbol)) {
        answer(conn, 'subscribe', reqId, timeIn, { error: 'Already subscribed', symbol });
        continue;
      }
      conn.symbols.add(symbol);
      record({ endpoint: conn.endpoint, connection: conn.id, event: 'subscribed', channel: 'ticker', detail: symbol });
      answer(conn, 'subscribe', reqId, timeIn, { result: { channel: 'ticker', snapshot, symbol } });
      if (snapshot) send(conn, { channel: 'ticker', type: 'snapshot', data: [market.tickerData(symbol)] });
    }
    updateHeartbeat(conn);
  };

  const unsubscribe = (conn: Connection, params: Json, reqId: unknown, timeIn: string): void => {
    const channel = params['channel'];
    if (channel === 'balances' && conn.token !== null) {
      tokens.release(conn.token);
      conn.token = null;
      conn.apiKey = null;
      record({ endpoint: conn.endpoint, connection: conn.id, event: 'unsubscribed', channel });
      answer(conn, 'unsubscribe', reqId, timeIn, { result: { channel } });
    } else if (channel === 'ticker' && Array.isArray(params['symbol'])) {
      for (const symbol of params['symbol'] as unknown[]) {
        if (typeof symbol !== 'string' || !conn.symbols.delete(symbol)) {
          answer(conn, 'unsubscribe', reqId, timeIn, { error: 'Subscription Not Found', symbol });
          continue;
        }
        record({ endpoint: conn.endpoint, connection: conn.id, event: 'unsubscribed', channel, detail: symbol });
        answer(conn, 'unsubscribe', reqId, timeIn, { result: { channel, symbol, event_trigger: 'trades' } });
      }
    } else {
      answer(conn, 'unsubscribe', reqId, timeIn, { error: 'Subscription Not Found' });
    }
    updateHeartbeat(conn);
  };

  const onMessage = (conn: Connection, data: RawData): void => {
    if (conn.stalled) return;
    const timeIn = rfc3339(now());
    let request: Json;
    try {
      const parsed: unknown = JSON.parse(String(data));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      request = parsed as Json;
    } catch {
      answer(conn, 'unknown', undefined, timeIn, { error: 'EGeneral:Invalid arguments' });
      return;
    }
    const { method, req_id: reqId } = request;
    const params = (typeof request['params'] === 'object' && request['params'] !== null ? request['params'] : {}) as Json;
    if (method === 'ping') answer(conn, 'pong', reqId, timeIn, {});
    else if (method === 'subscribe' && params['channel'] === 'balances') subscribeBalances(conn, params, reqId, timeIn);
    else if (method === 'subscribe' && params['channel'] === 'ticker') subscribeTicker(conn, params, reqId, timeIn);
    else if (method === 'unsubscribe') unsubscribe(conn, params, reqId, timeIn);
    else answer(conn, typeof method === 'string' ? method : 'unknown', reqId, timeIn, { error: 'EGeneral:Invalid arguments' });
  };

  const onConnection = (socket: WebSocket, endpoint: StreamEndpoint): void => {
    const conn: Connection = {
      id: nextId++, endpoint, socket, stalled: false, token: null, apiKey: null, sequence: 0, symbols: new Set(), heartbeat: null,
    };
    connections.add(conn);
    record({ endpoint, connection: conn.id, event: 'open' });
    socket.on('message', (data) => onMessage(conn, data));
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      if (conn.heartbeat !== null) timers.clearTimeout(conn.heartbeat);
      if (conn.token !== null) tokens.release(conn.token);
      connections.delete(conn);
      record({ endpoint, connection: conn.id, event: 'close' });
    });
    send(conn, {
      channel: 'status',
      type: 'update',
      data: [{ api_version: 'v2', connection_id: jsonNumber(String(CONNECTION_ID_BASE + BigInt(conn.id))), system: 'online', version: '2.0.0' }],
    });
  };

  const refuseUpgrade = (socket: Duplex, endpoint: StreamEndpoint, status: number): void => {
    record({ endpoint, connection: 0, event: 'refused', detail: String(status) });
    const body = `<html><head><title>${status}</title></head><body><h1>${STATUS_CODES[status] ?? 'Refused'}</h1></body></html>\n`;
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}\r\nConnection: close\r\nContent-Type: text/html\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };

  const matching = (endpoint: StreamEndpoint | undefined): Connection[] =>
    [...connections].filter((c) => endpoint === undefined || c.endpoint === endpoint);

  return {
    handleUpgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const endpoint: StreamEndpoint | null = path === WS_PUBLIC_PATH ? 'public' : path === WS_PRIVATE_PATH ? 'private' : null;
      if (endpoint === null) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const refusal = armed['refuse-upgrade'].take(path);
      if (refusal?.type === 'refuse-upgrade') {
        refuseUpgrade(socket, endpoint, refusal.status ?? 403);
        return;
      }
      server.handleUpgrade(req, socket, head, (ws) => onConnection(ws, endpoint));
    },
    injectFault(fault, faultOptions = {}) {
      if (isArmedStreamFault(fault)) {
        const endpoint = 'endpoint' in fault ? fault.endpoint : undefined;
        armed[fault.type].add(fault, { ...faultOptions, path: endpoint === undefined ? undefined : endpointPath(endpoint) });
        return;
      }
      for (const conn of matching(fault.endpoint)) {
        record({ endpoint: conn.endpoint, connection: conn.id, event: 'fault', detail: fault.type });
        if (fault.type === 'drop') conn.socket.terminate();
        else if (fault.type === 'stall') conn.stalled = true;
        else if (!conn.stalled) conn.socket.send(fault.text ?? '{"channel":"heartbeat"');
      }
    },
    clearFaults() {
      for (const queue of Object.values(armed)) queue.clear();
    },
    balancesChanged(apiKey, before, after) {
      const entries = balanceUpdateEntries(before, after, market.assets, ledgerIds, now());
      for (const conn of connections) {
        if (conn.apiKey !== apiKey) continue;
        for (const entry of entries) {
          const gap = armed['sequence-gap'].take(WS_PRIVATE_PATH);
          conn.sequence += 1 + (gap?.type === 'sequence-gap' ? (gap.skip ?? 1) : 0);
          record({ endpoint: conn.endpoint, connection: conn.id, event: 'update', channel: 'balances', detail: String(conn.sequence) });
          send(conn, { channel: 'balances', type: 'update', data: [entry], sequence: conn.sequence });
        }
      }
    },
    pricesChanged(symbols) {
      for (const conn of connections) {
        for (const symbol of symbols) {
          if (!conn.symbols.has(symbol)) continue;
          record({ endpoint: conn.endpoint, connection: conn.id, event: 'update', channel: 'ticker', detail: symbol });
          send(conn, { channel: 'ticker', type: 'update', data: [market.tickerData(symbol)] });
        }
      }
    },
    get events() {
      return events;
    },
    clearEvents() {
      events = [];
    },
    openConnections: (endpoint) => matching(endpoint).length,
    close() {
      for (const conn of connections) conn.socket.terminate();
      server.close();
    },
  };
}
