import { EventEmitter } from 'node:events';
import type { AccountBalances, AccountSummary, Portfolio, Settings } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { TIER_LIMITS, type KrakenClient } from '../kraken/index.ts';
import { log } from '../log.ts';
import type { Clock } from '../refresh/clock.ts';
import { budgetUnderTier, type RateBudget } from '../refresh/retry-delay.ts';
import { RefreshScheduler, type PowerSource, type RefreshOutcome, type RefreshReason } from '../refresh/scheduler.ts';
import { armStaleTimer, clearStaleTimer, describeAccount, keepRefreshed, keepUnpriced, newAccountState, type AccountState } from './account-state.ts';
import type { AccountSource, RefreshedEvent, SettingsSource } from './balances-sources.ts';
import { demoPortfolio } from './demo-portfolio.ts';
import { KeyedValuations, type WantedPairs } from './keyed-valuations.ts';
import type { LastKnown } from './last-known.ts';
import type { StreamedPrice } from './price-board.ts';
import { describeMarketDataError, describeRefreshError, refreshErrorDetail, type DescribedError } from './refresh-error.ts';
import { createThrottle, type Throttle } from './throttle.ts';

export interface BalancesServiceOptions {
  readonly accounts: AccountSource;
  readonly settings: SettingsSource;
  readonly clock: Clock;
  readonly power?: PowerSource;
  readonly random?: () => number;
  /**
   * What history last recorded for an account before this run: shown at once at start-up (marked as
   * from history) until Kraken answers, and the total the first refresh's change is measured from.
   */
  readonly lastKnown?: (accountId: string) => LastKnown | null;
  /** At most one change announcement per this many ms (pushed prices can come many times a second). Default: each at once. */
  readonly announceEveryMs?: number;
}

/** While an account is live, REST Balance runs this often as a safety net (and on every pushed change). */
export const LIVE_SAFETY_NET_MS = 5 * 60_000;

/**
 * The valued balances of every account, kept fresh by the refresh scheduler. Keyed accounts are read
 * through their client (one private Balance call, public prices); demo accounts are valued offline from
 * sample data. A failed refresh keeps the last good portfolio and adds the error; settings changes take
 * effect at once. Every state change is announced through onChange (the app broadcasts it and redraws
 * the tray).
 */
export class BalancesService {
  private readonly options: BalancesServiceOptions;
  private readonly states = new Map<string, AccountState>();
  private readonly clients = new Map<string, KrakenClient>();
  private readonly events = new EventEmitter();
  private readonly scheduler: RefreshScheduler;
  private readonly valuations: KeyedValuations;
  private readonly announcer: Throttle | null;
  private unsubscribe: (() => void)[] = [];

  constructor(options: BalancesServiceOptions) {
    this.options = options;
    this.valuations = new KeyedValuations(() => options.clock.now());
    const every = options.announceEveryMs;
    this.announcer = every === undefined ? null : createThrottle(options.clock, every, () => this.announce());
    this.scheduler = new RefreshScheduler({
      clock: options.clock,
      random: options.random,
      power: options.power,
      intervalMs: (id) => this.intervalMs(id),
      refresh: (id, reason) => this.refreshAccount(id, reason),
      budget: (id) => this.budget(id),
      blockedUntil: (id) => this.clients.get(id)?.lockedUntil() ?? null,
      onPlan: () => this.emit(),
    });
  }

  /** Starts following the accounts and settings and refreshing; listeners attached before see the first refresh. */
  start(): void {
    if (this.unsubscribe.length > 0) return;
    this.unsubscribe = [
      this.options.accounts.onChanged((accounts) => this.setAccounts(accounts)),
      this.options.settings.onChange((_settings, changed) => this.settingsChanged(changed)),
      this.options.accounts.onKeyReplaced?.((id) => this.keyReplaced(id)) ?? (() => undefined),
    ];
    this.setAccounts(this.options.accounts.list());
  }

  list(): AccountBalances[] {
    return [...this.states.values()].map((state) => this.snapshot(state));
  }

  /** Manual refresh of one account or all; joins a refresh already running. */
  async refresh(accountId?: string): Promise<void> {
    if (accountId !== undefined && !this.states.has(accountId)) {
      throw new AppError('unknown-account', 'That account no longer exists.', { hint: 'Reopen the account list and try again.' });
    }
    await this.scheduler.refreshNow(accountId);
  }

  /** Why automatic refresh is paused right now, if it is. */
  pausedReason(): 'suspended' | 'offline' | null {
    return this.scheduler.pausedReason();
  }

  onChange(listener: (balances: AccountBalances[]) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  onRefreshed(listener: (event: RefreshedEvent) => void): () => void {
    this.events.on('refreshed', listener);
    return () => this.events.off('refreshed', listener);
  }

  /** A live stream pushed a change of the account's balances: refresh it exactly (REST), coalesced. */
  refreshOnEvent(accountId: string): void {
    if (this.states.has(accountId)) this.scheduler.refreshOnEvent(accountId);
  }

  /** Whether the account's live stream is healthy, and why not when the user can act on it. */
  setUpdateMode(accountId: string, live: boolean, note: string | null): void {
    const state = this.states.get(accountId);
    if (state === undefined || (state.live === live && state.note === note)) return;
    state.live = live;
    state.note = note;
    this.scheduler.reschedule(accountId);
    this.armStaleTimer(state);
    this.emit();
  }

  /** Prices pushed by the live ticker, by REST pair key: the accounts they price are valued again. */
  pricesPushed(prices: readonly StreamedPrice[]): void {
    const moved = this.valuations.pricesPushed(prices);
    for (const id of moved) {
      const state = this.states.get(id);
      if (state !== undefined) state.repriced = true;
    }
    if (moved.length > 0) this.emit();
  }

  /** The ticker stream's connection is gone: refreshes ask REST for every price again. */
  readonly priceStreamEnded = (failing: boolean): void => this.valuations.board.streamEnded(failing);
  /** The pairs keyed accounts are valued with, and their changes: what the live ticker should watch. */
  readonly wantedPairs = (): WantedPairs => this.valuations.wanted();
  readonly onWantedPairs = (listener: (wanted: WantedPairs) => void): (() => void) => this.valuations.onWanted(listener);

  dispose(): void {
    for (const stop of this.unsubscribe) stop();
    this.scheduler.stop();
    this.announcer?.cancel();
    for (const state of this.states.values()) clearStaleTimer(state, this.options.clock);
  }

  private setAccounts(accounts: AccountSummary[]): void {
    const ids = new Set(accounts.map((a) => a.id));
    for (const [id, state] of this.states) {
      if (ids.has(id)) continue;
      clearStaleTimer(state, this.options.clock);
      this.states.delete(id);
      this.clients.delete(id);
      this.valuations.forget(id);
    }
    for (const account of accounts) {
      const state = this.states.get(account.id);
      if (state) state.account = account;
      else this.states.set(account.id, newAccountState(account, account.demo ? null : this.lastKnown(account.id)));
    }
    // Accounts that share a key take turns; a demo account has no key and its own lane.
    this.scheduler.setTargets(accounts.map((a) => ({ id: a.id, lane: a.demo ? `demo:${a.id}` : `key:${a.keyFingerprint}` })));
    this.emit();
  }

  /**
   * The account's key was updated; the list change that follows refreshes it at once, and its success clears
   * the error. Nothing of the old key counts any more: its client (lockout, rate counter) goes, and a refresh
   * still out with it is ignored when it answers (its state object is no longer the account's).
   */
  private keyReplaced(id: string): void {
    const state = this.states.get(id);
    if (state === undefined) return;
    this.clients.delete(id);
    this.states.set(id, { ...state, refreshing: false });
    this.scheduler.forget(id);
    this.emit();
  }

  private settingsChanged(changed: (keyof Settings)[]): void {
    if (changed.includes('refreshIntervalSec')) {
      this.scheduler.reschedule();
      for (const state of this.states.values()) this.armStaleTimer(state);
      this.emit();
    }
    if (changed.includes('quoteCurrency') || changed.includes('rebaseMultiplier')) {
      // Demo accounts re-value offline at once; keyed accounts need their balances and prices again.
      for (const state of this.states.values()) {
        if (!state.account.demo) void this.scheduler.refreshNow(state.account.id);
        else if (state.portfolio !== null) this.store(state, demoPortfolio(this.options.settings.get().quoteCurrency, this.options.clock.now()));
      }
      this.emit();
    }
  }

  private async refreshAccount(id: string, _reason: RefreshReason): Promise<RefreshOutcome> {
    const state = this.states.get(id);
    if (state === undefined) return { ok: true };
    const { quoteCurrency, rebaseMultiplier } = this.options.settings.get();
    state.refreshing = true;
    this.emit();
    try {
      const keyed = state.account.demo ? null : await this.valuations.fetch(await this.client(id), { quote: quoteCurrency, rebaseMultiplier });
      state.refreshing = false;
      if (this.states.get(id) !== state) return { ok: true };
      if (!state.account.demo) this.recordCheck(id, { ok: true });
      const portfolio = keyed === null ? demoPortfolio(quoteCurrency, this.options.clock.now()) : this.valuations.keep(id, keyed);
      if (keyed !== null && keyed.marketError !== null) return this.storeUnpriced(state, portfolio, describeMarketDataError(keyed.marketError));
      this.store(state, portfolio);
      this.events.emit('refreshed', { account: state.account, portfolio, at: this.options.clock.now() } satisfies RefreshedEvent);
      const now = this.options.settings.get();
      // The quote or rebase setting changed while this call was out: its answer is for the old one.
      if (now.quoteCurrency !== quoteCurrency || now.rebaseMultiplier !== rebaseMultiplier) {
        this.options.clock.setTimeout(() => void this.scheduler.refreshNow(id), 0);
      }
      return { ok: true };
    } catch (thrown) {
      state.refreshing = false;
      if (this.states.get(id) !== state) return { ok: true }; // removed, or its key replaced, meanwhile
      const described = describeRefreshError(thrown);
      if (described.aboutTheKey) this.recordCheck(id, { ok: false, message: described.error.message });
      if (described.error.code === 'internal') log.error(`refresh of account ${id} failed`, thrown);
      return this.failed(state, described, refreshErrorDetail(thrown));
    }
    // No emit here: the scheduler plans the next refresh right after this returns, and that emits once
    // with the new nextRefreshAt.
  }

  private store(state: AccountState, portfolio: Portfolio): void {
    keepRefreshed(state, portfolio, this.options.clock.now(), this.lastKnown(state.account.id));
    this.armStaleTimer(state);
  }

  /** Balances without prices: shown with the market data's error and retried; history and notifications never see them. */
  private storeUnpriced(state: AccountState, portfolio: Portfolio, described: DescribedError): RefreshOutcome {
    keepUnpriced(state, portfolio, this.options.clock.now());
    this.armStaleTimer(state);
    return this.failed(state, described);
  }

  /** `detail`: Kraken's own words and the HTTP status, for the log only (filtered there like every line). */
  private failed(state: AccountState, described: DescribedError, detail = ''): RefreshOutcome {
    state.error = described.error;
    if (described.error.code !== 'internal') log.warn(`refresh of account ${state.account.id} failed: ${described.error.code}${detail}`);
    return { ok: false, retryable: described.retryable, retryAt: described.retryAt };
  }

  private recordCheck(id: string, outcome: { ok: boolean; message?: string }): void {
    this.options.accounts.recordCheck(id, { at: new Date(this.options.clock.now()).toISOString(), ...outcome });
  }

  private lastKnown(id: string): LastKnown | null {
    return this.options.lastKnown?.(id) ?? null;
  }

  private async client(id: string): Promise<KrakenClient> {
    const client = await this.options.accounts.clientFor(id);
    this.clients.set(id, client);
    return client;
  }

  /** The key's counter under the tier the user set (which may be stricter than the client's own). */
  private budget(id: string): RateBudget | null {
    const client = this.clients.get(id);
    return client === undefined ? null : budgetUnderTier(client.rateCounter(), TIER_LIMITS[this.options.settings.get().tier]);
  }

  /** The user's interval, or the safety net while the account is live (whichever is longer). */
  private intervalMs(accountId: string): number {
    const user = this.options.settings.get().refreshIntervalSec * 1000;
    return this.states.get(accountId)?.live === true ? Math.max(user, LIVE_SAFETY_NET_MS) : user;
  }

  private snapshot(state: AccountState): AccountBalances {
    const { id } = state.account;
    const pace = { now: this.options.clock.now(), intervalMs: this.intervalMs(id), userIntervalSec: this.options.settings.get().refreshIntervalSec };
    return describeAccount(state, { ...pace, nextRefreshAt: this.scheduler.nextRefreshAt(id) });
  }

  /** 'fresh' turns into 'stale' by time alone, so that moment gets its own announcement. */
  private armStaleTimer(state: AccountState): void {
    armStaleTimer(state, this.options.clock, this.intervalMs(state.account.id), () => this.emit());
  }

  private emit(): void {
    if (this.announcer === null) this.announce();
    else this.announcer.request();
  }

  /** Values the accounts pushed prices moved, then tells the listeners (window, tray) what is. */
  private announce(): void {
    for (const state of this.states.values()) {
      if (!state.repriced) continue;
      state.repriced = false;
      state.portfolio = this.valuations.revalue(state.account.id) ?? state.portfolio;
    }
    this.events.emit('change', this.list());
  }
}
