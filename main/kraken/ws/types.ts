// The vocabulary of a stream connection: its states, its tuning, and the contract between a connection
// and the channels attached to it. The state machine itself, and what each state means for the app, is
// described at the top of connection.ts.
import type { Ack, ChannelMessage } from './protocol.ts';
import type { SocketFactory } from './socket.ts';

export interface StreamClock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type StreamProblem = 'token-failed' | 'connect-failed' | 'closed' | 'stale' | 'subscribe-timeout' | 'token-rejected' | 'subscribe-failed';
export type PollingReason = 'permission-denied' | 'unreachable';
export type ResyncReason = 'resumed' | 'sequence-gap';

export type StreamStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'live'; readonly since: number }
  | { readonly state: 'backoff'; readonly attempt: number; readonly retryAt: number; readonly problem: StreamProblem }
  | { readonly state: 'polling'; readonly reason: PollingReason; readonly message: string; readonly retryAt: number }
  | { readonly state: 'paused' };

/** getToken() throws this when Kraken refuses the key a WebSocket token (no "WebSocket interface" permission). */
export class StreamPermissionDenied extends Error {
  override readonly name = 'StreamPermissionDenied';
}

/** What a channel can ask of its connection. */
export interface ChannelLink {
  /** Sends a request on the open connection and returns its req_id, or null when no connection is open. */
  request(method: 'subscribe' | 'unsubscribe', params: Readonly<Record<string, unknown>>): number | null;
  /** This channel's subscriptions on the current connection are settled; the connection is live once all are. */
  ready(): void;
  /** The stream may have missed something: ask the app for an exact REST refresh. */
  resync(reason: ResyncReason): void;
  /** A message on this channel could not be read; it is ignored and counted. */
  malformed(): void;
  /** Give up on the current connection; it reconnects with backoff. */
  fail(problem: StreamProblem): void;
}

export interface StreamChannel {
  /** Data messages with this `channel` are routed here. */
  readonly name: string;
  /** A new connection is open: subscribe (token is null on the public endpoint). */
  open(token: string | null): void;
  /** The answer to a request this channel sent. */
  onAck(ack: Ack): void;
  onMessage(message: ChannelMessage): void;
  /** The connection is gone: reset what was per connection (sequence numbers, pending acks). */
  onClose(): void;
}

export interface StreamTuning {
  readonly pingAfterMs: number;
  readonly staleAfterMs: number;
  readonly connectTimeoutMs: number;
  readonly subscribeTimeoutMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** A connection live this long counts as healthy: the next failure backs off from the start again. */
  readonly stableAfterMs: number;
  /** Connections in a row that never opened before the state becomes polling/unreachable. */
  readonly unreachableAfterFailures: number;
  readonly unreachableRetryMs: number;
  readonly permissionRetryMs: number;
}

export const DEFAULT_STREAM_TUNING: StreamTuning = {
  pingAfterMs: 2_500,
  staleAfterMs: 5_000,
  connectTimeoutMs: 10_000,
  subscribeTimeoutMs: 10_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  stableAfterMs: 60_000,
  unreachableAfterFailures: 3,
  unreachableRetryMs: 5 * 60_000,
  permissionRetryMs: 60 * 60_000,
};

export interface StreamConnectionOptions {
  readonly url: string;
  readonly socketFactory: SocketFactory;
  readonly clock: StreamClock;
  /** Uniform [0, 1) for backoff jitter. Default Math.random. */
  readonly random?: () => number;
  /** Private endpoints: a fresh token for every connection (GetWebSocketsToken). */
  readonly getToken?: () => Promise<string>;
  readonly onStatus?: (status: StreamStatus) => void;
  readonly onResync?: (reason: ResyncReason) => void;
  readonly tuning?: Partial<StreamTuning>;
}

export interface StreamStats {
  /** Connection attempts (token + socket). */
  readonly attempts: number;
  readonly opened: number;
  readonly malformedFrames: number;
  readonly staleReconnects: number;
  readonly tokensRequested: number;
  readonly resyncs: number;
}

export interface StreamConnection {
  attach(channel: StreamChannel): ChannelLink;
  start(): void;
  stop(): void;
  pause(): void;
  resume(): void;
  /** From backoff or polling: try now (e.g. the key changed, or the user asked). */
  retryNow(): void;
  status(): StreamStatus;
  stats(): StreamStats;
}

export const UNREACHABLE_MESSAGE =
  'Live updates cannot connect to Kraken (a proxy or firewall may be blocking WebSockets). Balances refresh on the regular interval instead.';
