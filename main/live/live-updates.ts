import type { AccountSummary } from '../../ipc/contract.ts';
import type { WantedPairs } from '../balances/keyed-valuations.ts';
import type { StreamedPrice } from '../balances/price-board.ts';
import type { KrakenClient } from '../kraken/index.ts';
import type { SocketFactory, StreamClock, StreamConnection, StreamStatus, StreamTuning, StreamUrls } from '../kraken/ws/index.ts';
import type { PowerEvent, PowerSource } from '../refresh/scheduler.ts';
import { createKeyStream } from './key-stream.ts';
import { PriceStream } from './price-stream.ts';

/** What live updates ask of the balances service (main/balances/balances-service.ts). */
export interface LiveBalances {
  refreshOnEvent(accountId: string): void;
  setUpdateMode(accountId: string, live: boolean, note: string | null): void;
  pricesPushed(prices: readonly StreamedPrice[]): void;
  priceStreamEnded(failing: boolean): void;
  wantedPairs(): WantedPairs;
  onWantedPairs(listener: (wanted: WantedPairs) => void): () => void;
}

export interface LiveUpdatesOptions {
  readonly balances: LiveBalances;
  readonly accounts: {
    list(): AccountSummary[];
    onChanged(listener: (accounts: AccountSummary[]) => void): () => void;
    /** An account's key was updated, announced just before the list change (Vault.onKeyReplaced). */
    onKeyReplaced?(listener: (accountId: string) => void): () => void;
  };
  /** The account's long-lived Kraken client (main/vault/account-clients.ts). */
  readonly clientFor: (accountId: string) => Promise<Pick<KrakenClient, 'webSocketsToken'>>;
  readonly urls: StreamUrls;
  readonly socketFactory: SocketFactory;
  readonly clock: StreamClock;
  readonly power?: PowerSource;
  readonly random?: () => number;
  readonly tuning?: Partial<StreamTuning>;
}

interface KeyEntry {
  readonly connection: StreamConnection;
  /** The accounts using this key now. */
  accountIds: string[];
}

/**
 * Live mode: one private stream per API key (balances) and one public ticker for the pairs the keyed
 * accounts are valued with. A pushed balance change becomes an exact REST refresh of that key's accounts;
 * a pushed price re-values the accounts it prices. Each keyed account is live while its key's stream is
 * live and its prices are (or it needs none); otherwise it is refreshed at the user's interval and says
 * why when the user can act on it. Sleep or offline pauses every stream; waking resumes them.
 */
export class LiveUpdates {
  private readonly options: LiveUpdatesOptions;
  private readonly keys = new Map<string, KeyEntry>();
  private readonly prices: PriceStream;
  private readonly paused = new Set<'suspended' | 'offline'>();
  private readonly stops: (() => void)[] = [];
  private started = false;

  constructor(options: LiveUpdatesOptions) {
    this.options = options;
    const { balances } = options;
    this.prices = new PriceStream({
      url: options.urls.public,
      socketFactory: options.socketFactory,
      clock: options.clock,
      random: options.random,
      tuning: options.tuning,
      onPrices: (prices) => balances.pricesPushed(prices),
      onEnded: (failing) => balances.priceStreamEnded(failing),
      onStatus: () => this.publishModes(),
    });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const { accounts, balances, power } = this.options;
    this.stops.push(accounts.onChanged((list) => this.setAccounts(list)));
    if (accounts.onKeyReplaced !== undefined) this.stops.push(accounts.onKeyReplaced((id) => this.keyReplaced(id)));
    this.stops.push(balances.onWantedPairs((wanted) => this.prices.watch(wanted)));
    if (power !== undefined) this.stops.push(power.subscribe((event) => this.onPower(event)));
    this.setAccounts(accounts.list());
    this.prices.watch(balances.wantedPairs());
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const entry of this.keys.values()) entry.connection.stop();
    this.keys.clear();
    this.prices.stop();
  }

  /** The state of each key's private stream and of the ticker (diagnostics, tests, benches). */
  statuses(): { readonly keys: ReadonlyMap<string, StreamStatus>; readonly prices: StreamStatus } {
    return { keys: new Map([...this.keys].map(([key, entry]) => [key, entry.connection.status()])), prices: this.prices.status() };
  }

  private setAccounts(accounts: readonly AccountSummary[]): void {
    const byKey = new Map<string, string[]>();
    for (const account of accounts) {
      if (account.demo) continue;
      byKey.set(account.keyFingerprint, [...(byKey.get(account.keyFingerprint) ?? []), account.id]);
    }
    for (const [key, entry] of [...this.keys]) {
      if (byKey.has(key)) continue;
      entry.connection.stop();
      this.keys.delete(key);
    }
    for (const [key, accountIds] of byKey) {
      const entry = this.keys.get(key);
      if (entry !== undefined) entry.accountIds = accountIds;
      else this.keys.set(key, this.openKey(key, accountIds));
    }
    this.publishModes();
  }

  /**
   * An account's key was updated: its stream subscribed with a token of the old key, so it ends. The list
   * change that follows opens a new one, whose token comes from the new key's client.
   */
  private keyReplaced(accountId: string): void {
    for (const [key, entry] of [...this.keys]) {
      if (!entry.accountIds.includes(accountId)) continue;
      entry.connection.stop();
      this.keys.delete(key);
    }
  }

  private openKey(key: string, accountIds: string[]): KeyEntry {
    const { options } = this;
    const entry: KeyEntry = {
      accountIds,
      connection: createKeyStream({
        url: options.urls.private,
        socketFactory: options.socketFactory,
        clock: options.clock,
        random: options.random,
        tuning: options.tuning,
        client: () => options.clientFor(this.keys.get(key)?.accountIds[0] ?? accountIds[0] ?? ''),
        onChanged: () => {
          for (const id of this.keys.get(key)?.accountIds ?? []) options.balances.refreshOnEvent(id);
        },
        onStatus: () => this.publishModes(),
      }),
    };
    if (this.paused.size === 0) entry.connection.start();
    return entry;
  }

  /** Tells the balances service, per keyed account, whether it is live and why not when that matters. */
  private publishModes(): void {
    if (!this.started) return;
    const pricesLive = this.prices.livePrices();
    const priceNote = this.prices.note();
    for (const entry of this.keys.values()) {
      const status = entry.connection.status();
      const live = status.state === 'live' && pricesLive;
      const note = status.state === 'polling' ? status.message : live ? null : priceNote;
      for (const id of entry.accountIds) this.options.balances.setUpdateMode(id, live, note);
    }
  }

  private onPower(event: PowerEvent): void {
    const reason = event === 'suspend' || event === 'resume' ? 'suspended' : 'offline';
    const wasPaused = this.paused.size > 0;
    if (event === 'suspend' || event === 'offline') this.paused.add(reason);
    else this.paused.delete(reason);
    const isPaused = this.paused.size > 0;
    if (!wasPaused && isPaused) {
      for (const entry of this.keys.values()) entry.connection.pause();
      this.prices.pause();
    } else if (wasPaused && !isPaused) {
      for (const { connection } of this.keys.values()) {
        if (connection.status().state === 'paused') connection.resume();
        else connection.start();
      }
      this.prices.resume();
    }
  }
}
