import type { Clock, TimerHandle } from './clock.ts';
import { budgetWaitMs, errorBackoffMs, ERROR_BACKOFF_MAX_MS, type RateBudget } from './retry-delay.ts';

export type RefreshReason = 'start' | 'scheduled' | 'manual' | 'resume' | 'event';

/** What one refresh reports back; errors carry whether retrying soon can help and when Kraken allows it. */
export type RefreshOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryable: boolean; readonly retryAt: number | null };

/** One account to keep fresh. Accounts using the same API key share a lane: one request in flight per key. */
export interface RefreshTarget {
  readonly id: string;
  readonly lane: string;
}

export type PowerEvent = 'suspend' | 'resume' | 'offline' | 'online';
export type PauseReason = 'suspended' | 'offline';

/** The machine sleeping and the network going away, as events (main/refresh/power-source.ts in the app). */
export interface PowerSource {
  subscribe(listener: (event: PowerEvent) => void): () => void;
}

export interface SchedulerOptions {
  readonly clock: Clock;
  /** The account's pace now: the user's interval, or a longer safety net while a live stream reports changes. */
  readonly intervalMs: (accountId: string) => number;
  readonly refresh: (accountId: string, reason: RefreshReason) => Promise<RefreshOutcome>;
  /** The key's rate counter right now; null when the account spends none (demo). */
  readonly budget?: (accountId: string) => RateBudget | null;
  /** Epoch ms until which Kraken has locked the key out, or null. */
  readonly blockedUntil?: (accountId: string) => number | null;
  readonly power?: PowerSource;
  /** Called whenever an account's next automatic refresh moves (null: none planned, e.g. paused). */
  readonly onPlan?: (accountId: string, nextAt: number | null) => void;
  readonly random?: () => number;
  readonly maxBackoffMs?: number;
  /** Counter points automatic refreshes leave free for manual ones and other tools. Default 3. */
  readonly reserve?: number;
  /**
   * Counter points even a manual refresh leaves free. Default 1: our counter is an estimate (Kraken's
   * decays on its own clock), so running it to the very top risks a refusal.
   */
  readonly manualReserve?: number;
}

interface TargetState {
  readonly id: string;
  readonly lane: string;
  timer: TimerHandle | null;
  nextAt: number | null;
  failures: number;
  lastSuccessAt: number | null;
  running: Promise<void> | null;
  /** Manual callers waiting for this account's next refresh to finish. */
  waiters: (() => void)[];
  /** A change was pushed while a refresh was in flight: one more refresh follows it. */
  queued: boolean;
  removed: boolean;
}

/**
 * Keeps every account fresh: one refresh per interval, at most one request in flight per key, a manual
 * refresh joins a running one, the rate-limit budget is never overspent, errors back off (capped) and
 * success resumes the normal pace. Sleeping or offline, nothing runs; on wake everything refreshes at once.
 * Pure TypeScript on an injected clock; main/refresh/power-source.ts connects Electron's events.
 */
export class RefreshScheduler {
  private readonly options: SchedulerOptions;
  private readonly random: () => number;
  private readonly reserve: number;
  private readonly manualReserve: number;
  private readonly maxBackoffMs: number;
  private readonly targets = new Map<string, TargetState>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly paused = new Set<PauseReason>();
  private readonly unsubscribePower: () => void;
  private stopped = false;

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.random = options.random ?? Math.random;
    this.reserve = options.reserve ?? 3;
    this.manualReserve = options.manualReserve ?? 1;
    this.maxBackoffMs = options.maxBackoffMs ?? ERROR_BACKOFF_MAX_MS;
    this.unsubscribePower = options.power?.subscribe((event) => this.onPower(event)) ?? (() => undefined);
  }

  /** The accounts to keep fresh. New ones refresh at once; removed ones stop (a running call finishes). */
  setTargets(targets: readonly RefreshTarget[]): void {
    const wanted = new Map(targets.map((t) => [t.id, t]));
    for (const state of [...this.targets.values()]) {
      const next = wanted.get(state.id);
      if (next === undefined || next.lane !== state.lane) this.remove(state);
    }
    for (const target of targets) {
      if (this.targets.has(target.id)) continue;
      const state: TargetState = { ...target, timer: null, nextAt: null, failures: 0, lastSuccessAt: null, running: null, waiters: [], queued: false, removed: false };
      this.targets.set(target.id, state);
      this.attempt(state, 'start');
    }
  }

  /**
   * Stops following one account until setTargets names it again, which starts it afresh (its key was
   * replaced): its plan and backoff go; a refresh it has running finishes, and its outcome is ignored.
   */
  forget(accountId: string): void {
    const state = this.targets.get(accountId);
    if (state !== undefined) this.remove(state);
  }

  /** Refresh now (one account or all); resolves when that refresh, or the one it joined, has finished. */
  refreshNow(accountId?: string): Promise<void> {
    const states = accountId === undefined ? [...this.targets.values()] : [this.targets.get(accountId)].filter((s) => s !== undefined);
    return Promise.all(states.map((state) => new Promise<void>((resolve) => {
      state.waiters.push(resolve);
      this.attempt(state, 'manual');
    }))).then(() => undefined);
  }

  /**
   * A live stream says this account changed on Kraken: refresh it now, as an automatic refresh (inside the
   * rate budget, never during a pause). A refresh in flight may have read the balances before the change,
   * so one more follows it; further pushes meanwhile join that one: one in flight, at most one queued.
   */
  refreshOnEvent(accountId: string): void {
    const state = this.targets.get(accountId);
    if (state === undefined || this.stopped) return;
    if (state.running !== null) state.queued = true;
    else this.attempt(state, 'event');
  }

  /** The interval changed (for one account or all): re-plan every account that is on its normal pace. */
  reschedule(accountId?: string): void {
    const now = this.options.clock.now();
    for (const state of this.targets.values()) {
      if (accountId !== undefined && state.id !== accountId) continue;
      if (state.running !== null || state.failures > 0 || state.lastSuccessAt === null) continue;
      this.plan(state, Math.max(now, state.lastSuccessAt + this.options.intervalMs(state.id)));
    }
  }

  nextRefreshAt(accountId: string): number | null {
    return this.paused.size > 0 ? null : (this.targets.get(accountId)?.nextAt ?? null);
  }

  pausedReason(): PauseReason | null {
    return this.paused.has('suspended') ? 'suspended' : this.paused.has('offline') ? 'offline' : null;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribePower();
    for (const state of [...this.targets.values()]) this.remove(state);
  }

  private onPower(event: PowerEvent): void {
    const reason: PauseReason = event === 'suspend' || event === 'resume' ? 'suspended' : 'offline';
    const pause = event === 'suspend' || event === 'offline';
    const wasPaused = this.paused.size > 0;
    if (pause) this.paused.add(reason);
    else this.paused.delete(reason);
    const isPaused = this.paused.size > 0;
    if (!wasPaused && isPaused) {
      for (const state of this.targets.values()) {
        this.disarm(state);
        this.options.onPlan?.(state.id, null);
      }
    } else if (wasPaused && !isPaused) {
      // Errors from before the sleep say nothing about now: start the backoff afresh.
      for (const state of this.targets.values()) {
        state.failures = 0;
        this.attempt(state, 'resume');
      }
    }
  }

  private attempt(state: TargetState, reason: RefreshReason): void {
    if (this.stopped || state.removed) return this.release(state);
    if (state.running !== null) return; // joins the running refresh: its waiters are released when it ends
    const manual = reason === 'manual' || state.waiters.length > 0;
    if (this.paused.size > 0 && !manual) return;
    const now = this.options.clock.now();
    const blocked = this.options.blockedUntil?.(state.id) ?? null;
    if (blocked !== null && blocked > now) {
      // Calling during a lockout only extends it; the account already shows the lockout error.
      this.plan(state, blocked);
      return this.release(state);
    }
    const laneBusy = this.lanes.get(state.lane);
    if (laneBusy !== undefined) {
      void laneBusy.then(() => this.attempt(state, manual ? 'manual' : reason));
      return;
    }
    const wait = budgetWaitMs(this.options.budget?.(state.id) ?? null, manual ? this.manualReserve : this.reserve);
    if (wait > 0) {
      this.plan(state, now + wait);
      return;
    }
    this.run(state, manual ? 'manual' : reason);
  }

  private run(state: TargetState, reason: RefreshReason): void {
    this.disarm(state);
    state.nextAt = null;
    const running = new Promise<RefreshOutcome>((resolve) => resolve(this.options.refresh(state.id, reason)))
      .catch((): RefreshOutcome => ({ ok: false, retryable: true, retryAt: null }))
      .then((outcome) => this.settle(state, outcome))
      .finally(() => {
        state.running = null;
        if (this.lanes.get(state.lane) === running) this.lanes.delete(state.lane);
        this.release(state);
        if (state.queued) {
          state.queued = false;
          this.attempt(state, 'event');
        }
      });
    state.running = running;
    this.lanes.set(state.lane, running);
  }

  private settle(state: TargetState, outcome: RefreshOutcome): void {
    if (state.removed || this.stopped) return;
    const now = this.options.clock.now();
    if (outcome.ok) {
      state.failures = 0;
      state.lastSuccessAt = now;
      this.plan(state, now + this.options.intervalMs(state.id));
      return;
    }
    state.failures += 1;
    // The backoff's retry reads the balances anyway; a queued push must not bypass it during an outage.
    state.queued = false;
    const backoff = errorBackoffMs(state.failures, outcome.retryable, this.random, this.maxBackoffMs);
    this.plan(state, Math.max(now + backoff, outcome.retryAt ?? 0));
  }

  private plan(state: TargetState, at: number): void {
    this.disarm(state);
    state.nextAt = at;
    if (this.paused.size > 0) {
      this.options.onPlan?.(state.id, null);
      return;
    }
    state.timer = this.options.clock.setTimeout(() => {
      state.timer = null;
      this.attempt(state, 'scheduled');
    }, at - this.options.clock.now());
    this.options.onPlan?.(state.id, at);
  }

  private disarm(state: TargetState): void {
    if (state.timer !== null) this.options.clock.clearTimeout(state.timer);
    state.timer = null;
  }

  private release(state: TargetState): void {
    const waiters = state.waiters;
    state.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private remove(state: TargetState): void {
    state.removed = true;
    this.disarm(state);
    this.targets.delete(state.id);
    this.release(state);
  }
}
