import { describe, expect, it } from 'vitest';
import { parseJsonPrefix } from './json-salvage.ts';

describe('parseJsonPrefix', () => {
  it('reads a complete document exactly as JSON.parse does', () => {
    const doc = { a: 1, b: [true, null, 'x\n"y"'], c: { d: -2.5e3 } };
    expect(parseJsonPrefix(JSON.stringify(doc, null, '\t'))).toEqual(doc);
  });

  it('keeps every field that was complete before the file was cut off', () => {
    const text = JSON.stringify({ settings: { refreshIntervalSec: 120, quoteCurrency: 'EUR', theme: 'dark' } }, null, '\t');
    const cut = text.slice(0, text.indexOf('"dark"') + 3);
    expect(parseJsonPrefix(cut)).toEqual({ settings: { refreshIntervalSec: 120, quoteCurrency: 'EUR' } });
  });

  it('drops a number that runs into the end, since it may have lost digits', () => {
    expect(parseJsonPrefix('{"a": "x", "n": 12')).toEqual({ a: 'x' });
    expect(parseJsonPrefix('{"a": "x", "n": 12}')).toEqual({ a: 'x', n: 12 });
  });

  it('drops half a literal or a key without a value', () => {
    expect(parseJsonPrefix('{"a": true, "b": tr')).toEqual({ a: true });
    expect(parseJsonPrefix('{"a": true, "b"')).toEqual({ a: true });
    expect(parseJsonPrefix('{"a": true, "b":')).toEqual({ a: true });
  });

  it('stops at garbage and trusts nothing after it', () => {
    expect(parseJsonPrefix('{"a": 1, "b": 2\u0000\u0000garbage, "c": 3}')).toEqual({ a: 1, b: 2 });
    expect(parseJsonPrefix('[1, 2, oops, 4]')).toEqual([1, 2]);
  });

  it('treats nesting deeper than any store file as damage instead of overflowing the stack', () => {
    expect(parseJsonPrefix(`{"a": 1, "b": ${'['.repeat(100_000)}`)).toMatchObject({ a: 1 });
  });

  it('keeps a "__proto__" key as data, as JSON.parse does', () => {
    const parsed = parseJsonPrefix('{"__proto__": {"polluted": true}, "a": 1') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__']);
  });

  it('answers undefined for text with nothing readable', () => {
    expect(parseJsonPrefix('')).toBeUndefined();
    expect(parseJsonPrefix('\u0000\u0000\u0000')).toBeUndefined();
  });
});
