import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FaultOptions } from './faults.ts';
import type { KeyRing } from './keys.ts';
import type { FakeMarket } from './market.ts';
import type { TokenBook } from './tokens.ts';

// The fake's WebSocket side as the rest of the fake sees it: endpoints, faults, events (ws-server.ts builds it).

/** Which WebSocket endpoint: public (ws.kraken.com/v2) or private (ws-auth.kraken.com/v2). */
export type StreamEndpoint = 'public' | 'private';

export const WS_PUBLIC_PATH = '/ws/v2';
export const WS_PRIVATE_PATH = '/ws-auth/v2';

export const endpointPath = (endpoint: StreamEndpoint): string => (endpoint === 'public' ? WS_PUBLIC_PATH : WS_PRIVATE_PATH);

/**
 * Everything the fake's WebSocket side can do wrong, on purpose. The first three act at once on the
 * connections open now; the last three are armed like REST faults (next `times` occurrences, or `always`).
 */
export type StreamFault =
  /** Cut every open connection without a close frame (a TCP reset, as when a network drops). */
  | { readonly type: 'drop'; readonly endpoint?: StreamEndpoint }
  /** Open connections go silent: no heartbeats, no data, no pongs (a half-dead connection). */
  | { readonly type: 'stall'; readonly endpoint?: StreamEndpoint }
  /** Send one frame that is not JSON (default: a cut-off heartbeat) on every open connection. */
  | { readonly type: 'malformed-frame'; readonly endpoint?: StreamEndpoint; readonly text?: string }
  /** The next subscribe with a token is refused with 'ESession:Invalid session'. */
  | { readonly type: 'reject-token' }
  /** The next balances update skips `skip` sequence numbers (default 1). */
  | { readonly type: 'sequence-gap'; readonly skip?: number }
  /** The next WebSocket upgrade is answered with this HTTP status (default 403), as a blocking proxy does. */
  | { readonly type: 'refuse-upgrade'; readonly status?: number; readonly endpoint?: StreamEndpoint };

export type ArmedStreamFaultType = 'reject-token' | 'sequence-gap' | 'refuse-upgrade';

export const isArmedStreamFault = (fault: StreamFault): fault is Extract<StreamFault, { type: ArmedStreamFaultType }> =>
  fault.type === 'reject-token' || fault.type === 'sequence-gap' || fault.type === 'refuse-upgrade';

const FAULT_TYPES = new Set(['drop', 'stall', 'malformed-frame', 'reject-token', 'sequence-gap', 'refuse-upgrade']);

/** A stream fault from a control request body, or null when it is not one. */
export function readStreamFault(value: unknown): StreamFault | null {
  if (typeof value !== 'object' || value === null) return null;
  const fault = value as Record<string, unknown>;
  if (typeof fault['type'] !== 'string' || !FAULT_TYPES.has(fault['type'])) return null;
  const endpoint = fault['endpoint'];
  if (endpoint !== undefined && endpoint !== 'public' && endpoint !== 'private') return null;
  for (const field of ['skip', 'status'] as const) {
    const n = fault[field];
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) return null;
  }
  if (fault['text'] !== undefined && typeof fault['text'] !== 'string') return null;
  return fault as unknown as StreamFault;
}

/** What happened on the fake's WebSocket side, for tests and benches to read. */
export interface StreamEvent {
  readonly at: number;
  readonly endpoint: StreamEndpoint;
  /** 0 for a refused upgrade. */
  readonly connection: number;
  readonly event: 'open' | 'close' | 'refused' | 'subscribed' | 'rejected' | 'unsubscribed' | 'update' | 'fault';
  readonly channel?: string;
  readonly detail?: string;
}

export interface FakeStreams {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  injectFault(fault: StreamFault, options?: Pick<FaultOptions, 'times' | 'always'>): void;
  clearFaults(): void;
  /** Pushes one balances update per changed code to that key's subscribers. */
  balancesChanged(apiKey: string, before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): void;
  /** Pushes ticker updates for these v2 symbols. */
  pricesChanged(symbols: readonly string[]): void;
  readonly events: readonly StreamEvent[];
  clearEvents(): void;
  openConnections(endpoint?: StreamEndpoint): number;
  close(): void;
}

export interface StreamTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FakeStreamsOptions {
  readonly now: () => number;
  readonly timers: StreamTimers;
  /** Kraken sends a heartbeat about once a second while a connection has a subscription. */
  readonly heartbeatMs: number;
  readonly market: FakeMarket;
  readonly keys: KeyRing;
  readonly tokens: TokenBook;
  readonly maxEvents?: number;
}
