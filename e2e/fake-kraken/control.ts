import type { FakeFault, FaultOptions } from './faults.ts';
import type { FakeKeyConfig, RecordedCall } from './server.ts';

/**
 * The same controls as the in-process API, over HTTP under /__fake/, for when the fake runs in
 * another process (the bench, or an app under Playwright that was started with KRAKEN_API_URL):
 *   GET  /__fake/calls                                  → { calls }
 *   POST /__fake/clear-calls
 *   POST /__fake/faults        { fault, times?, always?, path? }
 *   POST /__fake/clear-faults
 *   POST /__fake/balances      { balances, apiKey? }
 *   POST /__fake/holds         { holds, apiKey? }
 *   POST /__fake/permissions   { canQueryFunds, apiKey? }
 *   POST /__fake/keys          { apiKey, apiSecret, canQueryFunds?, balances? }
 */
export interface FakeControls {
  /** Every call so far, oldest first (bounded by maxRecordedCalls). */
  readonly calls: readonly RecordedCall[];
  clearCalls(): void;
  /** Arm a fault for the next matching call (or `times` calls, or `always`). */
  injectFault(fault: FakeFault, options?: FaultOptions): void;
  clearFaults(): void;
  addKey(config: FakeKeyConfig): void;
  setBalances(balances: Readonly<Record<string, string>>, apiKey?: string): void;
  /** Amounts on hold for open orders, reported by BalanceEx as hold_trade. */
  setHolds(holds: Readonly<Record<string, string>>, apiKey?: string): void;
  setPermissions(canQueryFunds: boolean, apiKey?: string): void;
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

export function controlReply(method: string, path: string, rawBody: string, controls: FakeControls): ControlReply {
  if (method === 'GET' && path === '/__fake/calls') return done({ calls: controls.calls });
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
      case '/__fake/balances': {
        const balances = stringMap(body['balances']);
        if (balances === null) return refused('balances must map asset codes to strings');
        controls.setBalances(balances, optionalString(body['apiKey']));
        return done();
      }
      case '/__fake/holds': {
        const holds = stringMap(body['holds']);
        if (holds === null) return refused('holds must map asset codes to strings');
        controls.setHolds(holds, optionalString(body['apiKey']));
        return done();
      }
      case '/__fake/permissions':
        if (typeof body['canQueryFunds'] !== 'boolean') return refused('canQueryFunds must be a boolean');
        controls.setPermissions(body['canQueryFunds'], optionalString(body['apiKey']));
        return done();
      case '/__fake/keys': {
        const apiKey = optionalString(body['apiKey']);
        const apiSecret = optionalString(body['apiSecret']);
        if (apiKey === undefined || apiSecret === undefined) return refused('apiKey and apiSecret are required');
        const balances = stringMap(body['balances']) ?? undefined;
        controls.addKey({ apiKey, apiSecret, canQueryFunds: body['canQueryFunds'] !== false, balances });
        return done();
      }
      default:
        return refused('unknown control');
    }
  } catch (error) {
    return refused(error instanceof Error ? error.message : 'control failed');
  }
}
