import { describe, expect, it } from 'vitest';
import { decodeHistory, encodeHistory } from './history-codec.ts';
import type { HistoryData } from './snapshot.ts';

const amounts = { XXBT: '1.5000000000', ZUSD: '10.0000' };
const data: HistoryData = new Map([
  ['acc-1', [
    { at: 1000, quote: 'USD', total: '150010.5', amounts },
    { at: 2000, quote: 'USD', total: '150020.5', amounts },
    { at: 3000, quote: 'EUR', total: '138000', amounts },
    { at: 4000, quote: 'EUR', total: '138100', amounts: { ...amounts, DOT: '2.5' } },
    { at: 5000, quote: 'EUR', total: '138200', amounts: { ...amounts, DOT: '2.5' }, prices: { XXBT: '92000.5', ZUSD: '0.92' } },
  ]],
]);

describe('history codec', () => {
  it('stores quote and amounts only where they change', () => {
    expect(encodeHistory(data).accounts['acc-1']).toEqual([
      [1000, '150010.5', 'USD', amounts],
      [2000, '150020.5'],
      [3000, '138000', 'EUR'],
      [4000, '138100', null, { ...amounts, DOT: '2.5' }],
      [5000, '138200', null, null, { XXBT: '92000.5', ZUSD: '0.92' }],
    ]);
  });

  it('round-trips exactly', () => {
    expect(decodeHistory(JSON.parse(JSON.stringify(encodeHistory(data))))).toEqual(data);
  });

  it('still reads version 1 files, written before prices were kept', () => {
    const v1 = { version: 1, accounts: { a: [[1000, '10', 'USD', amounts], [2000, '11']] } };
    expect(decodeHistory(v1).get('a')).toEqual([
      { at: 1000, quote: 'USD', total: '10', amounts },
      { at: 2000, quote: 'USD', total: '11', amounts },
    ]);
  });

  it('refuses files it did not write', () => {
    for (const bad of [
      null,
      [],
      { version: 3, accounts: {} },
      { version: 1, accounts: { a: [[1, '1', 'USD', {}, { XXBT: '1' }]] } },
      { version: 2, accounts: { a: [[1, '1', 'USD', null, { XXBT: '1' }]] } },
      { version: 1, accounts: { a: [[1, 'abc']] } },
      { version: 1, accounts: { a: [[1, '1']] } },
      { version: 1, accounts: { a: [[2, '1', 'USD', {}], [1, '1']] } },
      { version: 1, accounts: { a: [[1, '1e5', 'USD', {}]] } },
    ]) {
      expect(() => decodeHistory(bad)).toThrow();
    }
  });
});
