/**
 * The values Electron carries between processes and worlds, as one JSON-safe encoding used in Node, in the
 * page's isolated world (the preload) and in its main world. IPC follows V8's ValueSerializer as Electron
 * uses it (ipcRenderer.invoke/send, webContents.send, invoke replies): primitives incl. undefined, NaN, -0
 * and bigint; plain objects (own enumerable string keys, prototype dropped, getters read); arrays; Date,
 * RegExp, Map, Set, ArrayBuffer, typed arrays, Error, boxed primitives; shared references and cycles kept.
 * Functions, symbols, promises, weak collections and host (DOM) objects are refused with Electron's
 * "An object could not be cloned." The contextBridge (page <-> preload) passes functions, symbols and
 * promises through hooks and turns Errors into a plain Error with the same message.
 *
 * Both functions are self-contained (no imports, no outer names): their source text is also injected into
 * pages (see page-scripts.ts), so they may only use language built-ins.
 */

/** One encoded value: JSON as it is where JSON is exact, a tagged object otherwise. */
export type Encoded = string | boolean | null | number | { $: string; [key: string]: unknown };

export interface EncodeHooks {
  /** contextBridge only: a function becomes a reference the other side proxies. */
  fn?: (value: (...args: unknown[]) => unknown) => number;
  symbol?: (value: symbol) => number;
  promise?: (value: Promise<unknown>) => number;
  /** contextBridge: Errors cross as a plain Error with the message only; arrays keep their indices only. */
  bridge?: boolean;
}

export interface DecodeHooks {
  fn?: (ref: number) => unknown;
  symbol?: (ref: number, description: string | undefined) => unknown;
  promise?: (ref: number) => unknown;
}

export function encodeClone(root: unknown, hooks: EncodeHooks = {}): Encoded {
  const seen = new Map<object, number>();
  const refuse = (): never => {
    throw new Error('An object could not be cloned.');
  };
  const bytes = (view: Uint8Array): string => {
    let text = '';
    for (let i = 0; i < view.length; i += 1) text += String.fromCharCode(view[i] as number);
    return btoa(text);
  };
  const props = (value: object, skipIndices: boolean): [string, Encoded][] =>
    Object.keys(value)
      .filter((key) => !skipIndices || !/^(0|[1-9]\d*)$/.test(key))
      .map((key) => [key, walk((value as Record<string, unknown>)[key])]);
  const walk = (value: unknown): Encoded => {
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    if (value === undefined) return { $: 'u' };
    if (typeof value === 'number') {
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
    }
    if (typeof value === 'bigint') return { $: 'g', v: value.toString() };
    if (typeof value === 'symbol') return hooks.symbol ? { $: 'y', ref: hooks.symbol(value), d: value.description } : refuse();
    if (typeof value === 'function') return hooks.fn ? { $: 'f', ref: hooks.fn(value as (...args: unknown[]) => unknown) } : refuse();
    const object = value as object;
    const known = seen.get(object);
    if (known !== undefined) return { $: 'r', id: known };
    const id = seen.size;
    const tag = Object.prototype.toString.call(object).slice(8, -1);
    if (tag === 'Promise') return hooks.promise ? { $: 'p', ref: hooks.promise(object as Promise<unknown>) } : refuse();
    seen.set(object, id);
    if (Array.isArray(object)) {
      const items: Encoded[] = [];
      for (let i = 0; i < object.length; i += 1) items.push(walk(object[i]));
      return { $: 'a', id, i: items, p: hooks.bridge ? [] : props(object, true) };
    }
    if (ArrayBuffer.isView(object)) {
      const view = new Uint8Array(object.buffer, object.byteOffset, object.byteLength);
      return { $: 'v', id, t: tag, b: bytes(view) };
    }
    switch (tag) {
      case 'Object': case 'Arguments': return { $: 'o', id, p: props(object, false) };
      case 'Date': return { $: 'd', id, v: String((object as Date).getTime()) };
      case 'RegExp': return { $: 'x', id, s: (object as RegExp).source, f: (object as RegExp).flags };
      case 'Map': return { $: 'm', id, e: [...(object as Map<unknown, unknown>)].map(([k, v]) => [walk(k), walk(v)]) };
      case 'Set': return { $: 't', id, e: [...(object as Set<unknown>)].map((v) => walk(v)) };
      case 'ArrayBuffer': return { $: 'b', id, b: bytes(new Uint8Array(object as ArrayBuffer)) };
      case 'Number': case 'String': case 'Boolean': case 'BigInt':
        return { $: 'w', id, t: tag, v: walk((object as { valueOf(): unknown }).valueOf()) };
      case 'Error': {
        const error = object as Error;
        return hooks.bridge ? { $: 'e', id, n: 'Error', m: String(error.message) } : { $: 'e', id, n: error.name, m: String(error.message), s: error.stack };
      }
      default: return refuse(); // functions' kin, WeakMap/WeakSet/WeakRef, generators, DOM and other host objects
    }
  };
  return walk(root);
}

export function decodeClone(root: Encoded, hooks: DecodeHooks = {}): unknown {
  const made = new Map<number, unknown>();
  const unbytes = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const ERRORS: Record<string, ErrorConstructor> = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  const keep = <T>(id: unknown, value: T): T => {
    made.set(id as number, value);
    return value;
  };
  // V8's deserializer creates data properties: an own '__proto__' key stays a key, it never sets the prototype.
  const defineOwn = (target: object, key: string, value: unknown): void =>
    void Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  const walk = (node: Encoded): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const n = node as Record<string, unknown> & { $: string };
    switch (n.$) {
      case 'u': return undefined;
      case 'n': return n['v'] === '-0' ? -0 : Number(n['v']);
      case 'g': return BigInt(n['v'] as string);
      case 'y': return hooks.symbol ? hooks.symbol(n['ref'] as number, n['d'] as string | undefined) : undefined;
      case 'f': return hooks.fn ? hooks.fn(n['ref'] as number) : undefined;
      case 'p': return hooks.promise ? hooks.promise(n['ref'] as number) : undefined;
      case 'r': return made.get(n['id'] as number);
      case 'a': {
        const array = keep(n['id'], [] as unknown[]);
        for (const item of n['i'] as Encoded[]) array.push(walk(item));
        for (const [key, value] of n['p'] as [string, Encoded][]) defineOwn(array, key, walk(value));
        return array;
      }
      case 'o': {
        const object = keep(n['id'], {} as Record<string, unknown>);
        for (const [key, value] of n['p'] as [string, Encoded][]) defineOwn(object, key, walk(value));
        return object;
      }
      case 'd': return keep(n['id'], new Date(Number(n['v'])));
      case 'x': return keep(n['id'], new RegExp(n['s'] as string, n['f'] as string));
      case 'm': {
        const map = keep(n['id'], new Map<unknown, unknown>());
        for (const [k, v] of n['e'] as [Encoded, Encoded][]) map.set(walk(k), walk(v));
        return map;
      }
      case 't': {
        const set = keep(n['id'], new Set<unknown>());
        for (const v of n['e'] as Encoded[]) set.add(walk(v));
        return set;
      }
      case 'b': return keep(n['id'], unbytes(n['b'] as string).buffer);
      case 'v': {
        const View = (globalThis as unknown as Record<string, new (buffer: ArrayBufferLike) => unknown>)[n['t'] as string] ?? Uint8Array;
        return keep(n['id'], new View(unbytes(n['b'] as string).buffer));
      }
      case 'w': {
        // Object() boxes a primitive as its own wrapper (Number, String, Boolean, BigInt).
        return keep(n['id'], Object(walk(n['v'] as Encoded)));
      }
      case 'e': {
        const error = new (ERRORS[n['n'] as string] ?? Error)(n['m'] as string);
        if (n['s'] !== undefined) error.stack = n['s'] as string;
        return keep(n['id'], error);
      }
      default: throw new Error(`unknown clone tag ${n.$}`);
    }
  };
  return walk(root);
}
