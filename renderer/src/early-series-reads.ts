import type { AccountBalances, AccountSummary, IpcResult, KrakenBridge, Settings } from '../../ipc/contract.ts';
import { balancesInScope, chartSeriesRequest, defaultScope, FIRST_RANGE, scopeAccount, seriesVersion, yearSeriesRequest } from './model/scope-series.ts';

// History reads started as soon as the window's first data is in (app-data-store.ts), before React renders
// the view that needs them: an answer main gives quickly is then in that view's first render, instead of
// arriving just after it and rendering the header and charts a second time (with "—" for the period
// changes in between). Each read is kept for the view's first ask with the same request and version.

interface EarlyRead {
  readonly promise: Promise<IpcResult<unknown>>;
  answer?: IpcResult<unknown>;
}

// Per bridge: a window has one for its lifetime, tests a new one per case.
const readsOf = new WeakMap<KrakenBridge, Map<string, EarlyRead>>();

function reads(bridge: KrakenBridge): Map<string, EarlyRead> {
  let map = readsOf.get(bridge);
  if (map === undefined) readsOf.set(bridge, (map = new Map()));
  return map;
}

/** Names a read by what it asks (the request as JSON) and the version of the data it reflects (seriesVersion). */
export function seriesReadId(requestText: string, version: string): string {
  return `${requestText}|${version}`;
}

function start(bridge: KrakenBridge, id: string, read: () => Promise<IpcResult<unknown>>): void {
  const map = reads(bridge);
  if (map.has(id)) return;
  const entry: EarlyRead = { promise: read() };
  map.set(id, entry);
  entry.promise.then(
    (answer) => (entry.answer = answer),
    () => map.delete(id),
  );
}

/** The answer of an early read, if it has arrived: what the view's first render can show. */
export function earlyAnswer<T>(bridge: KrakenBridge, id: string): IpcResult<T> | undefined {
  return readsOf.get(bridge)?.get(id)?.answer as IpcResult<T> | undefined;
}

/** The early read itself, once: the view waits on it instead of asking main again. */
export function takeEarlyRead<T>(bridge: KrakenBridge, id: string): Promise<IpcResult<T>> | undefined {
  const map = readsOf.get(bridge);
  const entry = map?.get(id);
  map?.delete(id);
  return entry?.promise as Promise<IpcResult<T>> | undefined;
}

/** Starts the reads the first tab shown will make: its chart at the first range, and a year for its period changes. */
export function readFirstSeries(bridge: KrakenBridge, accounts: readonly AccountSummary[] | null, balances: readonly AccountBalances[], settings: Settings | null): void {
  if (accounts === null || accounts.length === 0 || settings === null) return;
  const scope = defaultScope(accounts);
  const accountId = scopeAccount(scope);
  const version = seriesVersion(balancesInScope(balances, scope), settings.quoteCurrency);
  for (const request of [chartSeriesRequest(accountId, FIRST_RANGE), yearSeriesRequest(accountId, settings.quoteCurrency)]) {
    start(bridge, seriesReadId(JSON.stringify(request), version), () => bridge.history.get(request));
  }
}
