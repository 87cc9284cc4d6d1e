import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeClone, encodeClone } from './structured-clone.ts';

/** Through JSON, as the encoding travels between Node and the page. */
const roundTrip = (value: unknown): unknown => decodeClone(JSON.parse(JSON.stringify(encodeClone(value))));
/** What V8's own ValueSerializer (the one Electron's IPC uses) delivers. */
const v8Clone = (value: unknown): unknown => v8.deserialize(v8.serialize(value));

class Point {
  x = 1;
  get y(): number {
    return 2;
  }
}

describe('IPC values are delivered as V8 structured clone delivers them', () => {
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic['self'] = cyclic;
  const shared = { s: 1 };
  const arrayWithExtra = Object.assign([1, 2], { extra: 'kept' });
  const cases: Record<string, unknown> = {
    primitives: [undefined, null, true, 0, -0, NaN, Infinity, -Infinity, 12.5, 'text', 10n ** 30n],
    'plain object with undefined': { a: undefined, b: { c: [1, { d: 'e' }] } },
    'class instance (prototype dropped, own fields only)': new Point(),
    'Date, RegExp, Map, Set': [new Date(1_700_000_000_000), new Date(NaN), /a+b/gi, new Map<unknown, unknown>([['k', 1], [{ o: 1 }, new Set([1, 'x'])]]), new Set([new Date(0)])],
    'typed arrays and buffers': [new Uint8Array([1, 2, 255]), new Float64Array([1.5, -2]), new Uint8Array([9, 8]).buffer],
    'boxed primitives': [Object(1), Object('s'), Object(false)],
    errors: [new Error('plain'), new TypeError('typed'), new RangeError('range')],
    'cycles and shared references': { cyclic, pair: [shared, shared] },
    'array extra properties': arrayWithExtra,
    'an own "__proto__" key (a key, never the prototype)': Object.defineProperty({}, '__proto__', { value: 5, writable: true, enumerable: true, configurable: true }),
  };
  for (const [name, value] of Object.entries(cases)) {
    it(name, () => {
      const expected = v8Clone(value);
      const actual = roundTrip(value);
      expect(actual).toStrictEqual(expected);
    });
  }

  it('keeps -0, NaN, identity of shared objects, and cycles', () => {
    const out = roundTrip({ z: -0, nan: NaN, cyclic, pair: [shared, shared] }) as { z: number; nan: number; cyclic: { self: unknown }; pair: unknown[] };
    expect(Object.is(out.z, -0)).toBe(true);
    expect(Number.isNaN(out.nan)).toBe(true);
    expect(out.cyclic.self).toBe(out.cyclic);
    expect(out.pair[0]).toBe(out.pair[1]);
  });
});

describe('what structured clone refuses is refused with Electron\'s message', () => {
  const refused: Record<string, unknown> = {
    function: { onDone: () => undefined },
    symbol: [Symbol('s')],
    promise: Promise.resolve(1),
    WeakMap: new WeakMap(),
    WeakSet: { inner: new WeakSet() },
  };
  for (const [name, value] of Object.entries(refused)) {
    it(name, () => {
      expect(() => v8.serialize(value)).toThrow();
      expect(() => encodeClone(value)).toThrow('An object could not be cloned.');
    });
  }

  it('drops symbol-keyed and non-enumerable properties, like V8', () => {
    const value = Object.defineProperty({ [Symbol('k')]: 1, shown: 1 }, 'hidden', { value: 2, enumerable: false });
    expect(roundTrip(value)).toStrictEqual(v8Clone(value));
    expect(roundTrip(value)).toStrictEqual({ shown: 1 });
  });
});

describe('the contextBridge form', () => {
  it('passes functions, symbols and promises by reference, and Errors as a plain Error with the message', () => {
    const fns: unknown[] = [];
    const encoded = encodeClone({ cb: () => 1, s: Symbol('d'), p: Promise.resolve(), e: new TypeError('boom'), a: Object.assign([1], { x: 1 }) }, {
      bridge: true,
      fn: (fn) => fns.push(fn),
      symbol: () => 7,
      promise: () => 8,
    });
    const decoded = decodeClone(encoded, { fn: (ref) => `fn#${ref}`, symbol: (ref, d) => `sym#${ref}:${d}`, promise: (ref) => `promise#${ref}` });
    expect(decoded).toMatchObject({ cb: 'fn#1', s: 'sym#7:d', p: 'promise#8', a: [1] });
    const error = (decoded as { e: Error }).e;
    expect([error.constructor, error.message]).toEqual([Error, 'boom']);
    expect((decoded as { a: { x?: number } }).a.x).toBeUndefined();
  });
});
