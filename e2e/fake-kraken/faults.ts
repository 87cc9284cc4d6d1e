/** Everything the fake can do wrong, on purpose. */
export type FakeFault =
  /** Answer with this Kraken error string in the envelope (HTTP 200 unless `status`). */
  | { readonly type: 'kraken-error'; readonly error: string; readonly status?: number }
  /** An edge-proxy style HTML error page, e.g. 502/503/520. */
  | { readonly type: 'html'; readonly status: number }
  /** HTTP 429 with an HTML body, optionally with Retry-After. */
  | { readonly type: 'too-many-requests'; readonly retryAfterSeconds?: number }
  /** A 200 whose body is cut-off JSON. */
  | { readonly type: 'malformed-json' }
  /** Any body at all, for hostile-input tests. */
  | { readonly type: 'raw'; readonly status: number; readonly body: string; readonly contentType?: string }
  /** Wait, then answer normally. */
  | { readonly type: 'delay'; readonly ms: number }
  /**
   * Keep the answer back until the test calls releaseHeld(), then answer normally: a spec that checks what
   * the app shows while Kraken has not answered goes on the moment it has seen it, instead of waiting out a delay.
   */
  | { readonly type: 'hold' }
  /** Drop the TCP connection without answering. */
  | { readonly type: 'reset' };

export interface FaultOptions {
  /** How many matching calls get the fault; default 1. Ignored when `always`. */
  readonly times?: number;
  readonly always?: boolean;
  /** Only calls whose path contains this (e.g. '/0/private/Balance'), or matches this RegExp. */
  readonly path?: string | RegExp;
}

interface ArmedFault<F> {
  readonly fault: F;
  remaining: number;
  readonly path: string | RegExp | undefined;
}

/** Armed faults, REST ones by request path and stream ones by endpoint path (e.g. '/ws-auth/v2'). */
export interface FaultQueue<F = FakeFault> {
  add(fault: F, options?: FaultOptions): void;
  /** The fault for this call, if any, consuming one use. */
  take(path: string): F | undefined;
  clear(): void;
}

export function createFaultQueue<F = FakeFault>(): FaultQueue<F> {
  let armed: ArmedFault<F>[] = [];
  const matches = (entry: ArmedFault<F>, path: string): boolean =>
    entry.path === undefined || (typeof entry.path === 'string' ? path.includes(entry.path) : entry.path.test(path));
  return {
    add(fault, options = {}) {
      armed.push({ fault, remaining: options.always ? Infinity : (options.times ?? 1), path: options.path });
    },
    take(path) {
      const entry = armed.find((a) => a.remaining > 0 && matches(a, path));
      if (entry === undefined) return undefined;
      entry.remaining -= 1;
      armed = armed.filter((a) => a.remaining > 0);
      return entry.fault;
    },
    clear() {
      armed = [];
    },
  };
}
