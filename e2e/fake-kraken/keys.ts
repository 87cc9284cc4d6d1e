import { fail, ok, type Reply } from './envelope.ts';
import { demoEarnAllocations } from '../../main/balances/demo-data.ts';
import { DEFAULT_BALANCES } from './fixtures.ts';

export type FakeTier = 'starter' | 'intermediate' | 'pro';

export const TIERS: Readonly<Record<FakeTier, { max: number; decayPerSecond: number }>> = {
  starter: { max: 15, decayPerSecond: 0.33 },
  intermediate: { max: 20, decayPerSecond: 0.5 },
  pro: { max: 20, decayPerSecond: 1 },
};

export interface FakeKeyConfig {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Default true. A key without "Funds permissions: Query" gets 'EGeneral:Permission denied' on balances. */
  readonly canQueryFunds?: boolean;
  /** Default true. A key without "WebSocket interface: On" gets 'EGeneral:Permission denied' from GetWebSocketsToken. */
  readonly canUseWebSockets?: boolean;
  readonly balances?: Readonly<Record<string, string>>;
}

export interface KeyState {
  readonly secret: string;
  canQueryFunds: boolean;
  canUseWebSockets: boolean;
  balances: Record<string, string>;
  holds: Record<string, string>;
  /** Earn/Allocations result as Kraken writes it; null: the sample (demoEarnAllocations) dated around now. */
  earn: unknown;
  lastNonce: bigint | null;
  counter: number;
  counterAt: number;
}

export interface KeyRing {
  add(config: FakeKeyConfig): void;
  /** Deletes a key, as its owner can on Kraken: every call with it then answers 'EAPI:Invalid key'. */
  remove(apiKey: string | undefined): void;
  /** A key by its API key, or undefined (callers answer 'EAPI:Invalid key'). */
  find(apiKey: string): KeyState | undefined;
  /** A key for a control call: the given one or the default; throws for an unknown key. */
  get(apiKey: string | undefined): KeyState;
  /** The API key a control call means (the given one or the default). */
  resolve(apiKey: string | undefined): string;
  /** Kraken's private-call counter after its continuous decay. */
  decayedCounter(state: KeyState): number;
  /** Counts one call; false when that would go over the tier's maximum (nothing counted). */
  spend(state: KeyState, cost: number): boolean;
}

export function createKeyRing(
  initial: readonly FakeKeyConfig[],
  defaultKey: string,
  tier: { max: number; decayPerSecond: number } | null,
  now: () => number,
): KeyRing {
  const keys = new Map<string, KeyState>();
  const ring: KeyRing = {
    add(config) {
      keys.set(config.apiKey, {
        secret: config.apiSecret,
        canQueryFunds: config.canQueryFunds ?? true,
        canUseWebSockets: config.canUseWebSockets ?? true,
        balances: { ...(config.balances ?? DEFAULT_BALANCES) },
        holds: {},
        earn: null,
        lastNonce: null,
        counter: 0,
        counterAt: now(),
      });
    },
    remove(apiKey) {
      ring.get(apiKey);
      keys.delete(ring.resolve(apiKey));
    },
    find: (apiKey) => keys.get(apiKey),
    resolve: (apiKey) => apiKey ?? defaultKey,
    get(apiKey) {
      const state = keys.get(ring.resolve(apiKey));
      if (state === undefined) throw new Error(`fake kraken: unknown key ${apiKey ?? '(default)'}`);
      return state;
    },
    decayedCounter(state) {
      if (tier === null) return 0;
      const t = now();
      state.counter = Math.max(0, state.counter - (Math.max(0, t - state.counterAt) / 1000) * tier.decayPerSecond);
      state.counterAt = Math.max(state.counterAt, t);
      return state.counter;
    },
    spend(state, cost) {
      if (tier === null) return true;
      if (ring.decayedCounter(state) + cost > tier.max) return false;
      state.counter += cost;
      return true;
    },
  };
  for (const config of initial) ring.add(config);
  return ring;
}

/** What a private answer may need beyond the key: a WebSocket token, and the time for the Earn sample. */
export interface PrivateContext {
  readonly issueToken: () => unknown;
  readonly now: () => number;
}

const FUNDS_METHODS = new Set(['Balance', 'BalanceEx', 'Earn/Allocations']);

/** A private method's answer once the call is authenticated and counted. */
export function privateReply(method: string, state: KeyState, params: ReadonlyMap<string, string>, context: PrivateContext): Reply {
  if (method === 'GetWebSocketsToken') return state.canUseWebSockets ? ok(context.issueToken()) : fail('EGeneral:Permission denied');
  if (!FUNDS_METHODS.has(method)) return fail('EGeneral:Unknown method', 404);
  // Earn/Allocations needs only "Funds permissions: Query", like the balances.
  if (!state.canQueryFunds) return fail('EGeneral:Permission denied');
  if (method === 'Earn/Allocations') return ok(state.earn ?? demoEarnAllocations(context.now()));
  const rebase = params.get('rebase_multiplier');
  if (rebase !== undefined && rebase !== 'rebased' && rebase !== 'base') return fail('EGeneral:Invalid arguments:rebase_multiplier');
  if (method === 'Balance') return ok(state.balances);
  const extended: Record<string, { balance: string; hold_trade: string }> = {};
  for (const [code, balance] of Object.entries(state.balances)) {
    extended[code] = { balance, hold_trade: state.holds[code] ?? '0.0000' };
  }
  return ok(extended);
}
