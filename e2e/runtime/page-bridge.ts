import type { WorldRequest } from './page-world-channel.ts';
import type { DecodeHooks, Encoded, EncodeHooks } from './structured-clone.ts';

/** The codec functions a page script is given (the same source as Node's, see structured-clone.ts). */
export interface PageCodec {
  encodeClone(value: unknown, hooks?: EncodeHooks): Encoded;
  decodeClone(value: Encoded, hooks?: DecodeHooks): unknown;
}

export interface BridgeEnd {
  /** A value for the other world: functions and promises stay here and are reached by reference. */
  encode(value: unknown): Encoded;
  /** A value from the other world: its functions become callable proxies, its promises local promises. */
  decode(value: Encoded): unknown;
  /** Answers the other world's 'call' and 'settle' requests. */
  handle(message: { op: string; ref?: number; args?: Encoded; ok?: boolean; value?: Encoded }): unknown;
}

/**
 * One side of the contextBridge: values are copied, functions are proxied (a call runs synchronously in
 * the world that owns the function), promises settle across, Errors arrive as a plain Error with their
 * message. Tables are null-prototype objects so page code cannot reach them by patching built-ins.
 *
 * Self-contained: injected into pages as source text (see page-scripts.ts).
 */
export function createBridgeEnd(codec: PageCodec, other: () => WorldRequest): BridgeEnd {
  const apply = Reflect.apply;
  const exported = Object.create(null) as Record<number, (...args: unknown[]) => unknown>;
  const pending = Object.create(null) as Record<number, { resolve(value: unknown): void; reject(reason: unknown): void }>;
  let nextRef = 1;

  const settle = (ref: number, ok: boolean, value: unknown): void => {
    let encoded: Encoded;
    try {
      encoded = encode(value);
    } catch (error) {
      [ok, encoded] = [false, encode(error)];
    }
    other()({ op: 'settle', ref, ok, value: encoded });
  };
  const encode = (value: unknown): Encoded =>
    codec.encodeClone(value, {
      bridge: true,
      fn: (fn) => {
        exported[nextRef] = fn;
        return nextRef++;
      },
      symbol: () => 0,
      promise: (promise) => {
        const ref = nextRef++;
        promise.then((result) => settle(ref, true, result), (reason: unknown) => settle(ref, false, reason));
        return ref;
      },
    });
  const decode = (value: Encoded): unknown =>
    codec.decodeClone(value, {
      fn: (ref) =>
        function bridged(...args: unknown[]): unknown {
          return decode(other()({ op: 'call', ref, args: encode(args) }) as Encoded);
        },
      symbol: (_ref, description) => Symbol(description),
      promise: (ref) => new Promise((resolve, reject) => (pending[ref] = { resolve, reject })),
    });
  const handle: BridgeEnd['handle'] = (message) => {
    const ref = message.ref as number;
    if (message.op === 'call') {
      const fn = exported[ref];
      if (!fn) throw new Error('this function is no longer available across the bridge');
      return encode(apply(fn, undefined, decode(message.args as Encoded) as unknown[]));
    }
    if (message.op === 'settle') {
      const waiting = pending[ref];
      Reflect.deleteProperty(pending, ref);
      const value = decode(message.value as Encoded);
      if (message.ok) waiting?.resolve(value);
      else waiting?.reject(value);
      return null;
    }
    throw new Error(`unknown bridge request ${message.op}`);
  };
  return { encode, decode, handle };
}
