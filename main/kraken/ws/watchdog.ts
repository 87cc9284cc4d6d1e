import type { StreamClock, StreamProblem, StreamTuning } from './types.ts';

/** What the watchdog asks of its connection. */
export interface WatchdogHost {
  /** Give up on this connection (it never opened in time, went silent, or its subscriptions never settled). */
  fail(problem: StreamProblem): void;
  /** Nothing arrived for a while: send a ping, whose pong counts as a frame. */
  ping(): void;
  /** Some channel's subscription on this connection is not settled yet. */
  subscribing(): boolean;
}

/**
 * The timers of one connection attempt: the connect timeout until the socket opens, then a ping after
 * `pingAfterMs` of silence, a reconnect after `staleAfterMs`, and a deadline for the subscriptions.
 * One timer at a time, always armed for the nearest deadline.
 */
export class Watchdog {
  private readonly clock: StreamClock;
  private readonly tuning: StreamTuning;
  private readonly host: WatchdogHost;
  private timer: unknown = null;
  private opened = false;
  private startedAt = 0;
  private lastFrameAt = 0;
  private pinged = false;
  private subscribeBy = 0;

  constructor(clock: StreamClock, tuning: StreamTuning, host: WatchdogHost) {
    this.clock = clock;
    this.tuning = tuning;
    this.host = host;
  }

  /** A socket is being opened now. */
  connecting(): void {
    this.opened = false;
    this.startedAt = this.clock.now();
  }

  /** Arms the connect timeout unless the socket already opened (a factory may open it at once). */
  armConnectTimeout(): void {
    if (this.timer === null) this.arm(this.tuning.connectTimeoutMs);
  }

  /** The socket is open and the channels are subscribing. */
  open(): void {
    this.opened = true;
    this.lastFrameAt = this.clock.now();
    this.subscribeBy = this.lastFrameAt + this.tuning.subscribeTimeoutMs;
  }

  /** Starts watching the open connection for silence. */
  watchOpen(): void {
    this.disarm();
    this.arm(this.tuning.pingAfterMs);
  }

  /** Any readable frame: the connection is alive. */
  frame(): void {
    this.lastFrameAt = this.clock.now();
    this.pinged = false;
  }

  stop(): void {
    this.disarm();
    this.opened = false;
    this.pinged = false;
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = this.clock.setTimeout(() => this.check(), ms);
  }

  private check(): void {
    const { tuning, host } = this;
    this.timer = null;
    const now = this.clock.now();
    if (!this.opened) {
      if (now - this.startedAt >= tuning.connectTimeoutMs) return host.fail('connect-failed');
      this.arm(this.startedAt + tuning.connectTimeoutMs - now);
      return;
    }
    const silent = now - this.lastFrameAt;
    if (silent >= tuning.staleAfterMs) return host.fail('stale');
    const subscribing = host.subscribing();
    if (subscribing && now >= this.subscribeBy) return host.fail('subscribe-timeout');
    if (silent >= tuning.pingAfterMs && !this.pinged) {
      this.pinged = true;
      host.ping();
    }
    const deadlines = [this.lastFrameAt + tuning.staleAfterMs, this.pinged ? Infinity : this.lastFrameAt + tuning.pingAfterMs];
    if (subscribing) deadlines.push(this.subscribeBy);
    this.arm(Math.max(1, Math.min(...deadlines) - now));
  }
}
