import { describe, expect, it } from 'vitest';
import { findJsonObjects, type SearchWork } from './json-objects.ts';
import { isPlainObject } from './json-salvage.ts';

const isRecord = (value: unknown): value is { id: string } =>
  isPlainObject(value) && typeof value['id'] === 'string' && Object.keys(value).length === 2;
const records = [{ id: 'a', n: { deep: '{not a brace}' } }, { id: 'b', n: 2 }, { id: 'c', n: 3 }];
const file = JSON.stringify({ version: 1, accounts: records }, null, '\t');

describe('findJsonObjects', () => {
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

  it('finds the record right after a garble that ate a closing quote (the quotes after it are read the other way round)', () => {
    const text = '[{"id": "a", "n": 1}, {"id": "b, "n": 2}, {"id": "c", "n": 3}]';
    expect(findJsonObjects(text, isRecord)).toEqual([{ id: 'a', n: 1 }, { id: 'c', n: 3 }]);
  });

  it('survives a string that never closes', () => {
    expect(findJsonObjects('{"id": "a", "n": 1} {"id": "b', isRecord)).toEqual([{ id: 'a', n: 1 }]);
  });

  it('reads JSON by its own rules: no trailing commas, no leading zeros, no raw control characters', () => {
    expect(findJsonObjects('{"id": "a", "n": 1,} {"id": "b", "n": 01} {"id": "c\u0001", "n": 1} {"id": "d", "n": 1}', isRecord)).toEqual([{ id: 'd', n: 1 }]);
  });

  it('refuses a key without a value and an empty text', () => {
    expect(findJsonObjects('{"id": } {"id": "a", "n": }', isRecord)).toEqual([]);
    expect(findJsonObjects('', isRecord)).toEqual([]);
    expect(findJsonObjects('{}', (value): value is object => isPlainObject(value))).toEqual([{}]);
  });

  it('keeps a "__proto__" key as data', () => {
    const [found] = findJsonObjects('{"id": "a", "__proto__": {"x": 1}}', isRecord);
    expect(Object.getPrototypeOf(found)).toBe(Object.prototype);
    expect(Object.keys(found ?? {})).toEqual(['id', '__proto__']);
  });
});

describe('findJsonObjects work (characters read), linear in the text', () => {
  const MiB = 1024 * 1024;
  const work = (text: string): number => {
    const counted: SearchWork = { steps: 0 };
    findJsonObjects(text, isRecord, counted);
    return counted.steps / text.length;
  };
  // Damage shapes that made the earlier search read the rest of the file from every '{' (40,000 '{' took 4.4 s).
  const shapes: Record<string, string> = {
    'a run of opening braces': '{'.repeat(MiB),
    'deeply nested objects that never close': '{"a":'.repeat(MiB / 5),
    'deeply nested objects that do close': `${'{"a":'.repeat(MiB / 10)}1${'}'.repeat(MiB / 10)}`,
    'braces inside one string that never closes': `{"id": "${'{'.repeat(MiB)}`,
    'alternating quotes and braces': '{"'.repeat(MiB / 2),
    'records with a flipped quote every few records': Array.from({ length: MiB / 64 }, (_, n) => (n % 7 === 3 ? '{"id": "x, "n": 1}' : `{"id": "${n}", "n": ${n}}`)).join(','),
    'escaped quotes that resynchronise both readings': '{"\\"{"\\"'.repeat(MiB / 8),
  };

  it.each(Object.entries(shapes))('reads a 1 MiB file of %s a bounded number of times per character', (_name, text) => {
    expect(work(text)).toBeLessThanOrEqual(16);
  });

  it('reads an intact file about once per character', () => {
    const big = JSON.stringify({ accounts: Array.from({ length: 5000 }, (_, n) => ({ id: `id-${n}`, n: { deep: n } })) });
    expect(work(big)).toBeLessThan(3);
  });
});
