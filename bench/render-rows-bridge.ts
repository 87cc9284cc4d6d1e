// The fake window.kraken the render benchmark installs in the page (Playwright serialises the function,
// so it must be self-contained).
import type { BenchData } from './render-rows-data.ts';

/** A window.kraken answering from `data`; window.__bench.emitBalances plays main's balances:changed. */
export function installFakeBridge(data: BenchData): void {
  type Listener = (value: unknown) => void;
  const listeners: Record<'balances' | 'accounts' | 'settings', Set<Listener>> = { balances: new Set(), accounts: new Set(), settings: new Set() };
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const on = (set: Set<Listener>) => (listener: Listener) => {
    set.add(listener);
    return () => set.delete(listener);
  };
  let balances: unknown = data.balances;
  const quote = data.settings.quoteCurrency;
  const emptySeries = { quote, currentQuote: quote, otherQuotes: [], unconverted: 0, joins: [] };
  const bridge = {
    app: { getInfo: () => ok(data.info) },
    accounts: { list: () => ok(data.accounts), add: () => ok(null), rename: () => ok(null), remove: () => ok(undefined), addDemo: () => ok(null), onChanged: on(listeners.accounts) },
    balances: { get: () => ok(balances), refresh: () => ok(undefined), onChanged: on(listeners.balances) },
    // No history recorded yet: an empty series in the quote on screen (the charts and period changes read it).
    history: {
      get: (request: { range?: string }) => ok({ ...emptySeries, range: request.range ?? 'all', points: [] }),
      asset: (request: { range?: string; assets: string[] }) => ok({ ...emptySeries, range: request.range ?? 'all', assets: request.assets, points: [] }),
    },
    export: { csv: () => ok({ saved: false }) },
    settings: { get: () => ok(data.settings), update: (patch: object) => ok({ ...data.settings, ...patch }), onChanged: on(listeners.settings) },
    storage: { withdrawWeakProtection: () => ok({ withdrawn: false, removed: 0, resealed: 0 }) },
    help: { open: () => ok(undefined) },
    notifications: { onFailed: () => () => undefined },
    update: { get: () => ok({ status: 'unavailable' }), install: () => ok(undefined), onChanged: () => () => undefined },
  };
  // The frame that shows the rows: rAF runs just before that frame is drawn, a task queued from it runs
  // just after; 'bench:painted' marks that moment.
  // (bench/ is type-checked without the DOM library, hence the narrow casts.)
  const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): number }).requestAnimationFrame;
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: { detail?: unknown; startTime?: number }) => {
    const entry = mark(name, options);
    if (name === 'kraken:rows-rendered' && performance.getEntriesByName('bench:painted').length === 0) {
      frame(() => setTimeout(() => mark('bench:painted'), 0));
    }
    return entry;
  };
  const page = globalThis as unknown as Record<string, unknown>;
  page['kraken'] = bridge;
  page['__bench'] = {
    emitBalances(next: unknown) {
      balances = next;
      for (const listener of listeners.balances) listener(next);
    },
  };
}

