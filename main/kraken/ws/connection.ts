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
import {
  DEFAULT_STREAM_TUNING,
  StreamPermissionDenied,
  UNREACHABLE_MESSAGE,
  type PollingReason,
  type ResyncReason,
  type StreamChannel,
  type StreamConnection,
  type StreamConnectionOptions,
  type StreamProblem,
  type StreamStatus,
  type StreamTuning,
} from './types.ts';


const TOKEN_ERROR_RE = /^ESession:|invalid token/i;
const CLOSED: StreamStatus = { state: 'idle' };

export function createStreamConnection(options: StreamConnectionOptions): StreamConnection {
  const { clock } = options;
  const tuning: StreamTuning = { ...DEFAULT_STREAM_TUNING, ...options.tuning };
  const random = options.random ?? Math.random;
  const channels: StreamChannel[] = [];
  const stats = { attempts: 0, opened: 0, malformedFrames: 0, staleReconnects: 0, tokensRequested: 0, resyncs: 0 };
  let current: StreamStatus = CLOSED;
  let epoch = 0;
  let socket: StreamSocket | null = null;
  let opened = false;
  let retryTimer: unknown = null;
  let watchTimer: unknown = null;
  let failures = 0;
  let openFailures = 0;
  let liveSince: number | null = null;
  let startedAt = 0;
  let lastFrameAt = 0;
  let pinged = false;
  let subscribeBy = 0;
  let nextReqId = 1;
  const owners = new Map<number, StreamChannel>();
  const pending = new Set<StreamChannel>();

  const setStatus = (next: StreamStatus): void => {
    current = next;
    options.onStatus?.(next);
  };
  const clearRetry = (): void => {
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = null;
  };
  const send = (message: Readonly<Record<string, unknown>>): void => socket?.send(JSON.stringify(message));

  /** Ends the current connection, if any; callbacks of the old one are ignored from now on. */
  const teardown = (): void => {
    epoch += 1;
    if (watchTimer !== null) clock.clearTimeout(watchTimer);
    watchTimer = null;
    const wasOpen = opened;
    socket?.close();
    socket = null;
    opened = false;
    pinged = false;
    owners.clear();
    pending.clear();
    if (wasOpen) for (const channel of channels) channel.onClose();
  };

  const scheduleRetry = (at: number): void => {
    clearRetry();
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      connect();
    }, Math.max(0, at - clock.now()));
  };

  const enterPolling = (reason: PollingReason, message: string, retryMs: number): void => {
    teardown();
    liveSince = null;
    const retryAt = clock.now() + retryMs;
    setStatus({ state: 'polling', reason, message, retryAt });
    scheduleRetry(retryAt);
  };

  const fail = (problem: StreamProblem): void => {
    const wasOpen = opened;
    teardown();
    if (problem === 'stale') stats.staleReconnects += 1;
    if (!wasOpen && problem === 'connect-failed') openFailures += 1;
    if (liveSince !== null && clock.now() - liveSince >= tuning.stableAfterMs) failures = 0;
    liveSince = null;
    if (openFailures >= tuning.unreachableAfterFailures) {
      enterPolling('unreachable', UNREACHABLE_MESSAGE, tuning.unreachableRetryMs);
      return;
    }
    const retryAt = clock.now() + Math.ceil(jitteredStepMs(failures, tuning.backoffBaseMs, tuning.backoffMaxMs, random));
    failures += 1;
    setStatus({ state: 'backoff', attempt: failures, retryAt, problem });
    scheduleRetry(retryAt);
  };

  /** Live once the socket is open and every channel has settled its subscriptions. */
  const goLiveIfSettled = (): void => {
    if (!opened || pending.size > 0 || current.state === 'live') return;
    liveSince = clock.now();
    setStatus({ state: 'live', since: liveSince });
  };

  const watch = (): void => {
    watchTimer = null;
    const now = clock.now();
    if (!opened) {
      if (now - startedAt >= tuning.connectTimeoutMs) return fail('connect-failed');
      watchTimer = clock.setTimeout(watch, startedAt + tuning.connectTimeoutMs - now);
      return;
    }
    const silent = now - lastFrameAt;
    if (silent >= tuning.staleAfterMs) return fail('stale');
    if (pending.size > 0 && now >= subscribeBy) return fail('subscribe-timeout');
    if (silent >= tuning.pingAfterMs && !pinged) {
      pinged = true;
      send({ method: 'ping', req_id: nextReqId++ });
    }
    const deadlines = [lastFrameAt + tuning.staleAfterMs, pinged ? Infinity : lastFrameAt + tuning.pingAfterMs];
    if (pending.size > 0) deadlines.push(subscribeBy);
    watchTimer = clock.setTimeout(watch, Math.max(1, Math.min(...deadlines) - now));
  };

  const route = (text: string): void => {
    const frame = readFrame(text);
    if (frame === null) {
      stats.malformedFrames += 1;
      return;
    }
    lastFrameAt = clock.now();
    pinged = false;
    if (frame.kind === 'channel') {
      channels.find((c) => c.name === frame.channel)?.onMessage(frame);
      return;
    }
    const owner = frame.reqId === null ? undefined : owners.get(frame.reqId);
    if (owner === undefined) return;
    if (!frame.success && frame.error !== null && TOKEN_ERROR_RE.test(frame.error)) return fail('token-rejected');
    owner.onAck(frame);
  };

  const openSocket = (token: string | null): void => {
    const mine = epoch;
    opened = false;
    startedAt = clock.now();
    socket = options.socketFactory(options.url, {
      onOpen: () => {
        if (mine !== epoch) return;
        opened = true;
        openFailures = 0;
        stats.opened += 1;
        lastFrameAt = clock.now();
        subscribeBy = lastFrameAt + tuning.subscribeTimeoutMs;
        for (const channel of channels) pending.add(channel);
        for (const channel of channels) if (mine === epoch) channel.open(token);
        if (mine !== epoch) return;
        goLiveIfSettled();
        if (watchTimer !== null) clock.clearTimeout(watchTimer);
        watchTimer = clock.setTimeout(watch, tuning.pingAfterMs);
      },
      onMessage: (text) => {
        if (mine === epoch) route(text);
      },
      onClose: () => {
        if (mine === epoch) fail(opened ? 'closed' : 'connect-failed');
      },
    });
    if (mine === epoch && watchTimer === null) watchTimer = clock.setTimeout(watch, tuning.connectTimeoutMs);
  };

  function connect(): void {
    teardown();
    clearRetry();
    stats.attempts += 1;
    setStatus({ state: 'connecting', attempt: failures + 1 });
    if (options.getToken === undefined) return openSocket(null);
    const mine = epoch;
    stats.tokensRequested += 1;
    options.getToken().then(
      (token) => {
        if (mine === epoch) openSocket(token);
      },
      (error: unknown) => {
        if (mine !== epoch) return;
        if (error instanceof StreamPermissionDenied) enterPolling('permission-denied', error.message, tuning.permissionRetryMs);
        else fail('token-failed');
      },
    );
  }

  const resync = (reason: ResyncReason): void => {
    stats.resyncs += 1;
    options.onResync?.(reason);
  };

  return {
    attach(channel) {
      channels.push(channel);
      return {
        request: (method, params) => {
          if (socket === null || !opened) return null;
          const reqId = nextReqId++;
          owners.set(reqId, channel);
          send({ method, params, req_id: reqId });
          return reqId;
        },
        ready: () => {
          if (pending.delete(channel)) goLiveIfSettled();
        },
        resync,
        malformed: () => {
          stats.malformedFrames += 1;
        },
        fail: (problem) => {
          if (channels.includes(channel) && socket !== null) fail(problem);
        },
      };
    },
    start() {
      if (current.state !== 'idle') return;
      failures = 0;
      openFailures = 0;
      connect();
    },
    stop() {
      teardown();
      clearRetry();
      liveSince = null;
      setStatus(CLOSED);
    },
    pause() {
      if (current.state === 'idle' || current.state === 'paused') return;
      teardown();
      clearRetry();
      liveSince = null;
      setStatus({ state: 'paused' });
    },
    resume() {
      if (current.state !== 'paused') return;
      failures = 0;
      openFailures = 0;
      resync('resumed');
      connect();
    },
    retryNow() {
      if (current.state !== 'backoff' && current.state !== 'polling') return;
      failures = 0;
      openFailures = 0;
      connect();
    },
    status: () => current,
    stats: () => ({ ...stats }),
  };
}
