import { EventEmitter } from 'node:events';
import type { AccountBalances, AccountCheck, AccountSummary, IpcError, Portfolio, RefreshStatus, Settings } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { TIER_LIMITS, type KrakenClient } from '../kraken/index.ts';
import { log } from '../log.ts';
import type { Clock, TimerHandle } from '../refresh/clock.ts';
import type { RateBudget } from '../refresh/retry-delay.ts';
import { RefreshScheduler, type PowerSource, type RefreshOutcome, type RefreshReason } from '../refresh/scheduler.ts';
import { demoPortfolio } from './demo-portfolio.ts';
import { fetchPortfolio } from './keyed-portfolio.ts';
import { describeRefreshError } from './refresh-error.ts';

/** The vault's long-lived client per account (main/vault/account-clients.ts). */
export type ClientFor = (accountId: string) => Promise<KrakenClient>;

/** The accounts to keep fresh and how to reach Kraken for each. */
export interface AccountSource {
  list(): AccountSummary[];
  onChanged(listener: (accounts: AccountSummary[]) => void): () => void;
  clientFor: ClientFor;
  /** Whether the key worked at a refresh, or failed for a reason about the key (the account list shows it). */
  recordCheck(accountId: string, check: AccountCheck): void;
}

export interface SettingsSource {
  get(): Settings;
  onChange(listener: (settings: Settings, changed: (keyof Settings)[]) => void): () => void;
}

/** One successful refresh, for history and change notifications. */
export interface RefreshedEvent {
  readonly account: AccountSummary;
  readonly portfolio: Portfolio;
  /** Epoch ms. */
  readonly at: number;
}

export interface BalancesServiceOptions {
  readonly accounts: AccountSource;
  readonly settings: SettingsSource;
  readonly clock: Clock;
  readonly power?: PowerSource;
  readonly random?: () => number;
  /** The last total recorded before this run (history), so the first refresh can show a change too. */
  readonly lastKnownTotal?: (accountId: string) => { total: string; quote: string } | null;
}

interface AccountState {
  account: AccountSummary;
  portfolio: Portfolio | null;
  fetchedAt: number | null;
  previousTotal: string | null;
  error: IpcError | null;
  refreshing: boolean;
  staleTimer: TimerHandle | null;
}

/** Data counts as stale once it is this much older than one interval: a missed refresh plus slack. */
const STALE_SLACK_MS = 30_000;

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
  private unsubscribe: (() => void)[] = [];

  constructor(options: BalancesServiceOptions) {
    this.options = options;
    this.scheduler = new RefreshScheduler({
      clock: options.clock,
      random: options.random,
      power: options.power,
      intervalMs: () => this.intervalMs(),
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

  dispose(): void {
    for (const stop of this.unsubscribe) stop();
    this.scheduler.stop();
    for (const state of this.states.values()) this.clearStaleTimer(state);
  }

  private setAccounts(accounts: AccountSummary[]): void {
    const ids = new Set(accounts.map((a) => a.id));
    for (const [id, state] of this.states) {
      if (ids.has(id)) continue;
      this.clearStaleTimer(state);
      this.states.delete(id);
      this.clients.delete(id);
    }
    for (const account of accounts) {
      const state = this.states.get(account.id);
      if (state) state.account = account;
      else this.states.set(account.id, { account, portfolio: null, fetchedAt: null, previousTotal: null, error: null, refreshing: false, staleTimer: null });
    }
    // Accounts that share a key take turns; a demo account has no key and its own lane.
    this.scheduler.setTargets(accounts.map((a) => ({ id: a.id, lane: a.demo ? `demo:${a.id}` : `key:${a.keyFingerprint}` })));
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
      const portfolio = state.account.demo
        ? demoPortfolio(quoteCurrency, this.options.clock.now())
        : await fetchPortfolio(await this.client(id), { quote: quoteCurrency, rebaseMultiplier });
      state.refreshing = false;
      if (this.states.get(id) !== state) return { ok: true };
      if (!state.account.demo) this.recordCheck(id, { ok: true });
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
      const described = describeRefreshError(thrown);
      state.error = described.error;
      if (described.aboutTheKey) this.recordCheck(id, { ok: false, message: described.error.message });
      if (described.error.code === 'internal') log.error(`refresh of account ${id} failed`, thrown);
      else log.warn(`refresh of account ${id} failed: ${described.error.code}`);
      return { ok: false, retryable: described.retryable, retryAt: described.retryAt };
    }
    // No emit here: the scheduler plans the next refresh right after this returns, and that emits once
    // with the new nextRefreshAt.
  }

  private store(state: AccountState, portfolio: Portfolio): void {
    const previous = state.portfolio ?? this.lastKnown(state.account.id);
    state.previousTotal = previous !== null && previous.quote === portfolio.quote ? previous.total : null;
    state.portfolio = portfolio;
    state.fetchedAt = this.options.clock.now();
    state.error = null;
    this.armStaleTimer(state);
  }

  private recordCheck(id: string, outcome: { ok: boolean; message?: string }): void {
    this.options.accounts.recordCheck(id, { at: new Date(this.options.clock.now()).toISOString(), ...outcome });
  }

  private lastKnown(id: string): { total: string; quote: string } | null {
    return this.options.lastKnownTotal?.(id) ?? null;
  }

  private async client(id: string): Promise<KrakenClient> {
    const client = await this.options.accounts.clientFor(id);
    this.clients.set(id, client);
    return client;
  }

  /**
   * The key's counter under the tier the user set (which may be stricter than the client's own). One
   * client per key holds the one counter (the vault refuses a key twice; accounts that did share a key
   * would also share their client and its counter).
   */
  private budget(id: string): RateBudget | null {
    const client = this.clients.get(id);
    if (client === undefined) return null;
    const counter = client.rateCounter();
    const tier = TIER_LIMITS[this.options.settings.get().tier];
    return { value: counter.value, max: Math.min(counter.max, tier.max), decayPerSecond: Math.min(counter.decayPerSecond, tier.decayPerSecond) };
  }

  private intervalMs(): number {
    return this.options.settings.get().refreshIntervalSec * 1000;
  }

  private staleAfterMs(): number {
    return this.intervalMs() * 2 + STALE_SLACK_MS;
  }

  private status(state: AccountState): RefreshStatus {
    if (state.refreshing) return 'refreshing';
    if (state.error !== null) return 'error';
    if (state.fetchedAt === null) return 'idle';
    return this.options.clock.now() - state.fetchedAt >= this.staleAfterMs() ? 'stale' : 'fresh';
  }

  private snapshot(state: AccountState): AccountBalances {
    const next = this.scheduler.nextRefreshAt(state.account.id);
    return {
      accountId: state.account.id,
      status: this.status(state),
      portfolio: state.portfolio,
      fetchedAt: state.fetchedAt === null ? null : new Date(state.fetchedAt).toISOString(),
      nextRefreshAt: next === null ? null : new Date(next).toISOString(),
      previousTotal: state.previousTotal,
      error: state.error,
    };
  }

  /** 'fresh' turns into 'stale' by time alone, so that moment gets its own announcement. */
  private armStaleTimer(state: AccountState): void {
    this.clearStaleTimer(state);
    if (state.fetchedAt === null) return;
    const due = state.fetchedAt + this.staleAfterMs() - this.options.clock.now();
    state.staleTimer = this.options.clock.setTimeout(() => {
      state.staleTimer = null;
      this.emit();
    }, Math.max(0, due));
  }

  private clearStaleTimer(state: AccountState): void {
    if (state.staleTimer !== null) this.options.clock.clearTimeout(state.staleTimer);
    state.staleTimer = null;
  }

  private emit(): void {
    this.events.emit('change', this.list());
  }
}
