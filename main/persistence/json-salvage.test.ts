import { describe, expect, it } from 'vitest';
import { findJsonObjects, isPlainObject, parseJsonPrefix } from './json-salvage.ts';

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

  it('answers undefined for text with nothing readable', () => {
    expect(parseJsonPrefix('')).toBeUndefined();
    expect(parseJsonPrefix('\u0000\u0000\u0000')).toBeUndefined();
  });
});

describe('findJsonObjects', () => {
  const isRecord = (value: unknown): value is { id: string } =>
    isPlainObject(value) && typeof value['id'] === 'string' && Object.keys(value).length === 2;
  const records = [{ id: 'a', n: { deep: '{not a brace}' } }, { id: 'b', n: 2 }, { id: 'c', n: 3 }];
  const file = JSON.stringify({ version: 1, accounts: records }, null, '\t');

  it('finds every record of an intact file, not the objects nested in them', () => {
    expect(findJsonObjects(file, isRecord)).toEqual(records);
  });

  it('keeps every complete record of a file cut off in the middle of the last one', () => {
    expect(findJsonObjects(file.slice(0, file.indexOf('"c"') + 2), isRecord)).toEqual(records.slice(0, 2));
  });

  it('finds records after a garbled stretch as well as before it', () => {
    const garbled = file.replace('"b",', '"b\u0000\u0000,');
    expect(findJsonObjects(garbled, isRecord)).toEqual([records[0], records[2]]);
  });

  it('survives a string that never closes', () => {
    expect(findJsonObjects('{"id": "a", "n": 1} {"id": "b', isRecord)).toEqual([{ id: 'a', n: 1 }]);
  });
});
