/**
 * One Kraken WebSocket v2 connection (one URL), kept alive for the channels attached to it.
 *
 * States (StreamStatus.state) and what the app does in each:
 * - `idle`: not started or stopped. The app polls REST at the user's interval, as it did before live mode.
 * - `connecting`: fetching a fresh token (private endpoint), opening the socket, subscribing. Not live
 *   yet: keep polling at the user's interval; the header says "Every 60 s".
 * - `live`: every attached channel's subscription is confirmed and frames keep arriving. Balances events
 *   trigger an exact REST Balance refresh; REST polling drops to a 5-minute safety net; header "Live".
 * - `backoff`: the connection failed (closed, stale, refused token or subscription); the next attempt is
 *   at `retryAt` (exponential, jittered, capped). Poll at the user's interval meanwhile; no message to
 *   the user unless it lasts.
 * - `polling`: streaming is off for a reason the user can act on or should know: `permission-denied`
 *   (the key lacks the optional "WebSocket interface" permission; `message` says how to turn it on) or
 *   `unreachable` (several connections in a row never opened: a proxy or firewall blocking WebSockets).
 *   Poll at the user's interval, show `message`; the connection tries again at `retryAt` by itself, or at
 *   once on retryNow() (e.g. after the user edited the key).
 * - `paused`: the machine sleeps or is offline (pause()); nothing runs. resume() asks for a resync (an
 *   exact REST refresh, since pushes were missed) and reconnects at once.
 *
 * Robustness: a watchdog reconnects when nothing (heartbeat, data, pong) arrived for `staleAfterMs`,
 * after sending a ping at `pingAfterMs` of silence; every connection gets a fresh token from getToken();
 * channels resubscribe on every new connection; frames that cannot be read are ignored and counted.
 * Plain Node: no Electron import; clock, timers, randomness and sockets are injected.
 */
import { jitteredStepMs } from '../backoff.ts';
import { readFrame } from './protocol.ts';
import type { StreamSocket } from './socket.ts';
import { Watchdog } from './watchdog.ts';
import {
  DEFAULT_STREAM_TUNING,
  StreamPermissionDenied,
  UNREACHABLE_MESSAGE,
  type PollingReason,
  type ResyncReason,
  type ChannelLink,
  type StreamChannel,
  type StreamClock,
  type StreamConnection,
  type StreamConnectionOptions,
  type StreamProblem,
  type StreamStats,
  type StreamStatus,
  type StreamTuning,
} from './types.ts';

const TOKEN_ERROR_RE = /^ESession:|invalid token/i;
const CLOSED: StreamStatus = { state: 'idle' };

type Stats = { -readonly [K in keyof StreamStats]: StreamStats[K] };

/** One Kraken WebSocket v2 connection and the channels attached to it; see the states above. */
export function createStreamConnection(options: StreamConnectionOptions): StreamConnection {
  return new ManagedConnection(options);
}

class ManagedConnection implements StreamConnection {
  private readonly options: StreamConnectionOptions;
  private readonly clock: StreamClock;
  private readonly tuning: StreamTuning;
  private readonly random: () => number;
  private readonly channels: StreamChannel[] = [];
  private readonly counts: Stats = { attempts: 0, opened: 0, malformedFrames: 0, staleReconnects: 0, tokensRequested: 0, resyncs: 0 };
  /** Which channel sent the request with this req_id, on the current connection. */
  private readonly owners = new Map<number, StreamChannel>();
  /** Channels whose subscriptions on the current connection are not settled yet. */
  private readonly pending = new Set<StreamChannel>();
  private current: StreamStatus = CLOSED;
  /** Bumped by every teardown: callbacks of an older connection compare it and do nothing. */
  private epoch = 0;
  private socket: StreamSocket | null = null;
  private opened = false;
  private retryTimer: unknown = null;
  private readonly watchdog: Watchdog;
  /** Failures in a row, for the backoff step. */
  private failures = 0;
  /** Connections in a row that never opened, for 'unreachable'. */
  private openFailures = 0;
  private liveSince: number | null = null;
  private nextReqId = 1;

  constructor(options: StreamConnectionOptions) {
    this.options = options;
    this.clock = options.clock;
    this.tuning = { ...DEFAULT_STREAM_TUNING, ...options.tuning };
    this.random = options.random ?? Math.random;
    this.watchdog = new Watchdog(this.clock, this.tuning, {
      fail: (problem) => this.fail(problem),
      ping: () => this.send({ method: 'ping', req_id: this.nextReqId++ }),
      subscribing: () => this.pending.size > 0,
    });
  }

  attach(channel: StreamChannel): ChannelLink {
    this.channels.push(channel);
    return {
      request: (method, params) => this.request(channel, method, params),
      ready: () => {
        if (this.pending.delete(channel)) this.goLiveIfSettled();
      },
      resync: (reason) => this.resync(reason),
      malformed: () => {
        this.counts.malformedFrames += 1;
      },
      fail: (problem) => {
        if (this.channels.includes(channel) && this.socket !== null) this.fail(problem);
      },
    };
  }

  start(): void {
    if (this.current.state === 'idle') this.connectAfresh();
  }

  stop(): void {
    this.halt(CLOSED);
  }

  pause(): void {
    if (this.current.state !== 'idle' && this.current.state !== 'paused') this.halt({ state: 'paused' });
  }

  resume(): void {
    if (this.current.state !== 'paused') return;
    this.resync('resumed');
    this.connectAfresh();
  }

  retryNow(): void {
    if (this.current.state === 'backoff' || this.current.state === 'polling') this.connectAfresh();
  }

  status(): StreamStatus {
    return this.current;
  }

  stats(): StreamStats {
    return { ...this.counts };
  }

  /** Connects with the backoff and the unreachable count starting over. */
  private connectAfresh(): void {
    this.failures = 0;
    this.openFailures = 0;
    this.connect();
  }

  private halt(status: StreamStatus): void {
    this.teardown();
    this.liveSince = null;
    this.setStatus(status);
  }

  private request(channel: StreamChannel, method: string, params: Readonly<Record<string, unknown>>): number | null {
    if (this.socket === null || !this.opened) return null;
    const reqId = this.nextReqId++;
    this.owners.set(reqId, channel);
    this.send({ method, params, req_id: reqId });
    return reqId;
  }

  private resync(reason: ResyncReason): void {
    this.counts.resyncs += 1;
    this.options.onResync?.(reason);
  }

  private setStatus(next: StreamStatus): void {
    this.current = next;
    this.options.onStatus?.(next);
  }

  private send(message: Readonly<Record<string, unknown>>): void {
    this.socket?.send(JSON.stringify(message));
  }

  /** Ends the current connection and any planned retry; callbacks of the old connection are ignored from now on. */
  private teardown(): void {
    this.epoch += 1;
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.watchdog.stop();
    const wasOpen = this.opened;
    this.socket?.close();
    this.socket = null;
    this.opened = false;
    this.owners.clear();
    this.pending.clear();
    if (wasOpen) for (const channel of this.channels) channel.onClose();
  }

  private scheduleRetry(at: number): void {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, Math.max(0, at - this.clock.now()));
  }

  private enterPolling(reason: PollingReason, message: string, retryMs: number): void {
    this.teardown();
    this.liveSince = null;
    const retryAt = this.clock.now() + retryMs;
    this.setStatus({ state: 'polling', reason, message, retryAt });
    this.scheduleRetry(retryAt);
  }

  private fail(problem: StreamProblem): void {
    const { tuning, clock } = this;
    const wasOpen = this.opened;
    this.teardown();
    if (problem === 'stale') this.counts.staleReconnects += 1;
    if (!wasOpen && problem === 'connect-failed') this.openFailures += 1;
    if (this.liveSince !== null && clock.now() - this.liveSince >= tuning.stableAfterMs) this.failures = 0;
    this.liveSince = null;
    if (this.openFailures >= tuning.unreachableAfterFailures) {
      this.enterPolling('unreachable', UNREACHABLE_MESSAGE, tuning.unreachableRetryMs);
      return;
    }
    const retryAt = clock.now() + Math.ceil(jitteredStepMs(this.failures, tuning.backoffBaseMs, tuning.backoffMaxMs, this.random));
    this.failures += 1;
    this.setStatus({ state: 'backoff', attempt: this.failures, retryAt, problem });
    this.scheduleRetry(retryAt);
  }

  /** Live once the socket is open and every channel has settled its subscriptions. */
  private goLiveIfSettled(): void {
    if (!this.opened || this.pending.size > 0 || this.current.state === 'live') return;
    this.liveSince = this.clock.now();
    this.setStatus({ state: 'live', since: this.liveSince });
  }

  private route(text: string): void {
    const frame = readFrame(text);
    if (frame === null) {
      this.counts.malformedFrames += 1;
      return;
    }
    this.watchdog.frame();
    if (frame.kind === 'channel') {
      this.channels.find((c) => c.name === frame.channel)?.onMessage(frame);
      return;
    }
    const owner = frame.reqId === null ? undefined : this.owners.get(frame.reqId);
    if (owner === undefined) return;
    if (!frame.success && frame.error !== null && TOKEN_ERROR_RE.test(frame.error)) return this.fail('token-rejected');
    owner.onAck(frame);
  }

  private onOpen(mine: number, token: string | null): void {
    if (mine !== this.epoch) return;
    this.opened = true;
    this.openFailures = 0;
    this.counts.opened += 1;
    this.watchdog.open();
    for (const channel of this.channels) this.pending.add(channel);
    for (const channel of this.channels) if (mine === this.epoch) channel.open(token);
    if (mine !== this.epoch) return;
    this.goLiveIfSettled();
    this.watchdog.watchOpen();
  }

  private openSocket(token: string | null): void {
    const mine = this.epoch;
    this.opened = false;
    this.watchdog.connecting();
    this.socket = this.options.socketFactory(this.options.url, {
      onOpen: () => this.onOpen(mine, token),
      onMessage: (text) => {
        if (mine === this.epoch) this.route(text);
      },
      onClose: () => {
        if (mine === this.epoch) this.fail(this.opened ? 'closed' : 'connect-failed');
      },
    });
    if (mine === this.epoch) this.watchdog.armConnectTimeout();
  }

  private connect(): void {
    this.teardown();
    this.counts.attempts += 1;
    this.setStatus({ state: 'connecting', attempt: this.failures + 1 });
    const { getToken } = this.options;
    if (getToken === undefined) return this.openSocket(null);
    const mine = this.epoch;
    this.counts.tokensRequested += 1;
    getToken().then(
      (token) => {
        if (mine === this.epoch) this.openSocket(token);
      },
      (error: unknown) => {
        if (mine !== this.epoch) return;
        if (error instanceof StreamPermissionDenied) this.enterPolling('permission-denied', error.message, this.tuning.permissionRetryMs);
        else this.fail('token-failed');
      },
    );
  }
}
