import { validateBalanceWalk, type BalanceChange, type BalanceWalkOptions } from './balance-walk.ts';
import type { FakeFault, FaultOptions } from './faults.ts';
import type { FakeKeyConfig, RecordedCall } from './server.ts';
import { readStreamFault, type StreamFault } from './ws-api.ts';
import type { StreamEvent } from './ws-api.ts';

/**
 * The same controls as the in-process API, over HTTP under /__fake/, for when the fake runs in
 * another process (the bench, or an app under Playwright that was started with KRAKEN_API_URL):
 *   GET  /__fake/calls                                  → { calls }
 *   POST /__fake/clear-calls
 *   POST /__fake/faults        { fault, times?, always?, path? }
 *   POST /__fake/clear-faults
 *   POST /__fake/balances      { balances, apiKey? }
 *   POST /__fake/holds         { holds, apiKey? }
 *   POST /__fake/earn          { earn, apiKey? }   (Earn/Allocations result as Kraken writes it; null: the sample)
 *   POST /__fake/permissions   { canQueryFunds?, canUseWebSockets?, apiKey? }
 *   POST /__fake/keys          { apiKey, apiSecret, canQueryFunds?, canUseWebSockets?, balances? }
 *   POST /__fake/delete-key    { apiKey? }              → its calls answer 'EAPI:Invalid key'
 *   POST /__fake/prices        { prices }                → REST Ticker and WebSocket ticker updates
 *   POST /__fake/release-held                            → calls held by a 'hold' fault answer now
 *   POST /__fake/stream-faults { fault, times?, always? } (see ws-api.ts)
 *   POST /__fake/clear-stream-faults
 *   GET  /__fake/stream-events                           → { events }
 *   POST /__fake/clear-stream-events
 *   POST /__fake/balance-walk  { asset, times, minIntervalMs, maxIntervalMs, seed?, apiKey? } (answers at once)
 *   GET  /__fake/balance-changes                         → { changes }
 *   POST /__fake/clear-balance-changes
 */
export interface FakeControls {
  /** Every call so far, oldest first (bounded by maxRecordedCalls). */
  readonly calls: readonly RecordedCall[];
  clearCalls(): void;
  /** Arm a fault for the next matching call (or `times` calls, or `always`). */
  injectFault(fault: FakeFault, options?: FaultOptions): void;
  clearFaults(): void;
  /** Lets every call held by a 'hold' fault answer now (normally, or not at all if its client is gone). */
  releaseHeld(): void;
  addKey(config: FakeKeyConfig): void;
  /** The key deleted on Kraken (the default key unless named): its calls answer 'EAPI:Invalid key' from now on. */
  deleteKey(apiKey?: string): void;
  setBalances(balances: Readonly<Record<string, string>>, apiKey?: string): void;
  /** Amounts on hold for open orders, reported by BalanceEx as hold_trade. */
  setHolds(holds: Readonly<Record<string, string>>, apiKey?: string): void;
  /** Earn/Allocations result as Kraken writes it, per key; null restores the sample dated around now. */
  setEarn(earn: unknown, apiKey?: string): void;
  setPermissions(canQueryFunds: boolean, apiKey?: string): void;
  /** "WebSocket interface: On" for the key: without it GetWebSocketsToken answers 'EGeneral:Permission denied'. */
  setWebSocketPermission(allowed: boolean, apiKey?: string): void;
  /** New last prices by pair key, altname, wsname or v2 symbol: REST Ticker answers them, ticker subscribers get an update. */
  setPrices(prices: Readonly<Record<string, string>>): void;
  injectStreamFault(fault: StreamFault, options?: Pick<FaultOptions, 'times' | 'always'>): void;
  clearStreamFaults(): void;
  /** What happened on the WebSocket side, oldest first (bounded). */
  readonly streamEvents: readonly StreamEvent[];
  clearStreamEvents(): void;
  /** Changes one balance `times` times at random intervals (for benches); resolves after the last change. */
  startBalanceWalk(options: BalanceWalkOptions): Promise<void>;
  /** Every change balance walks made, with the exact new amount and when. */
  readonly balanceChanges: readonly BalanceChange[];
  clearBalanceChanges(): void;
}

export interface ControlReply {
  readonly status: number;
  readonly body: string;
}

const done = (value: unknown = { ok: true }): ControlReply => ({ status: 200, body: JSON.stringify(value) });
const refused = (message: string): ControlReply => ({ status: 400, body: JSON.stringify({ ok: false, error: message }) });

type Json = Record<string, unknown>;

const stringMap = (value: unknown): Record<string, string> | null =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')
    ? (value as Record<string, string>)
    : null;

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const optionalBoolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** The WebSocket, price and bench controls. */
function streamControlReply(path: string, body: Json, controls: FakeControls): ControlReply | null {
  switch (path) {
    case '/__fake/prices': {
      const prices = stringMap(body['prices']);
      if (prices === null) return refused('prices must map pairs to decimal strings');
      controls.setPrices(prices);
      return done();
    }
    case '/__fake/stream-faults': {
      const fault = readStreamFault(body['fault']);
      if (fault === null) return refused('fault must be a stream fault (see ws-api.ts)');
      controls.injectStreamFault(fault, { times: typeof body['times'] === 'number' ? body['times'] : undefined, always: body['always'] === true });
      return done();
    }
    case '/__fake/clear-stream-faults':
      controls.clearStreamFaults();
      return done();
    case '/__fake/clear-stream-events':
      controls.clearStreamEvents();
      return done();
    case '/__fake/balance-walk': {
      const walk = body as unknown as BalanceWalkOptions;
      validateBalanceWalk(walk);
      void controls.startBalanceWalk(walk);
      return done();
    }
    case '/__fake/clear-balance-changes':
      controls.clearBalanceChanges();
      return done();
    default:
      return null;
  }
}

/** Balances and holds are both "asset code → decimal string" per key: one parser for both. */
function setAssetAmounts(
  body: Json,
  field: 'balances' | 'holds',
  set: (amounts: Readonly<Record<string, string>>, apiKey: string | undefined) => void,
): ControlReply {
  const amounts = stringMap(body[field]);
  if (amounts === null) return refused(`${field} must map asset codes to strings`);
  set(amounts, optionalString(body['apiKey']));
  return done();
}

export function controlReply(method: string, path: string, rawBody: string, controls: FakeControls): ControlReply {
  if (method === 'GET' && path === '/__fake/calls') return done({ calls: controls.calls });
  if (method === 'GET' && path === '/__fake/stream-events') return done({ events: controls.streamEvents });
  if (method === 'GET' && path === '/__fake/balance-changes') return done({ changes: controls.balanceChanges });
  if (method !== 'POST') return refused('unknown control');
  let body: Json = {};
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody) as Json;
    } catch {
      return refused('body is not JSON');
    }
  }
  try {
    switch (path) {
      case '/__fake/clear-calls':
        controls.clearCalls();
        return done();
      case '/__fake/faults': {
        const fault = body['fault'] as FakeFault | undefined;
        if (typeof fault !== 'object' || fault === null || typeof fault.type !== 'string') return refused('fault is required');
        controls.injectFault(fault, {
          times: typeof body['times'] === 'number' ? body['times'] : undefined,
          always: body['always'] === true,
          path: optionalString(body['path']),
        });
        return done();
      }
      case '/__fake/clear-faults':
        controls.clearFaults();
        return done();
      case '/__fake/release-held':
        controls.releaseHeld();
        return done();
      case '/__fake/balances':
        return setAssetAmounts(body, 'balances', (amounts, apiKey) => controls.setBalances(amounts, apiKey));
      case '/__fake/earn': {
        controls.setEarn(body['earn'] ?? null, optionalString(body['apiKey']));
        return done();
      }
      case '/__fake/holds':
        return setAssetAmounts(body, 'holds', (amounts, apiKey) => controls.setHolds(amounts, apiKey));
      case '/__fake/permissions': {
        const funds = optionalBoolean(body['canQueryFunds']);
        const webSockets = optionalBoolean(body['canUseWebSockets']);
        if (funds === undefined && webSockets === undefined) return refused('canQueryFunds or canUseWebSockets must be a boolean');
        if (funds !== undefined) controls.setPermissions(funds, optionalString(body['apiKey']));
        if (webSockets !== undefined) controls.setWebSocketPermission(webSockets, optionalString(body['apiKey']));
        return done();
      }
      case '/__fake/keys': {
        const apiKey = optionalString(body['apiKey']);
        const apiSecret = optionalString(body['apiSecret']);
        if (apiKey === undefined || apiSecret === undefined) return refused('apiKey and apiSecret are required');
        const balances = stringMap(body['balances']) ?? undefined;
        controls.addKey({ apiKey, apiSecret, canQueryFunds: body['canQueryFunds'] !== false, canUseWebSockets: body['canUseWebSockets'] !== false, balances });
        return done();
      }
      case '/__fake/delete-key':
        controls.deleteKey(optionalString(body['apiKey']));
        return done();
      default:
        return streamControlReply(path, body, controls) ?? refused('unknown control');
    }
  } catch (error) {
    return refused(error instanceof Error ? error.message : 'control failed');
  }
}
