import { describe, expect, it } from 'vitest';
import { significantChanges } from './balance-changes.ts';

describe('significantChanges', () => {
  const before = { XXBT: '1.0000000000', ZUSD: '1000.0000', 'ETH2.S': '198.3970800000' };

  it('reports a deposit above the threshold, exactly, with its percentage', () => {
    expect(significantChanges(before, { ...before, XXBT: '1.0600000001' }, '5')).toEqual([
      { asset: 'XXBT', before: '1.0000000000', after: '1.0600000001', percent: '6.00', direction: 'up' },
    ]);
  });

  it('ignores changes at or under the threshold (staking rewards, dust)', () => {
    expect(significantChanges(before, { ...before, XXBT: '1.05', 'ETH2.S': '198.4' }, '5')).toEqual([]);
  });

  it('reports withdrawals, new assets and assets that disappeared', () => {
    const after = { XXBT: '0.5', ZUSD: '1000.0000', DOT: '2.5' };
    expect(significantChanges(before, after, '5')).toEqual([
      { asset: 'DOT', before: '0', after: '2.5', percent: null, direction: 'up' },
      { asset: 'ETH2.S', before: '198.3970800000', after: '0', percent: '-100.00', direction: 'down' },
      { asset: 'XXBT', before: '1.0000000000', after: '0.5', percent: '-50.00', direction: 'down' },
    ]);
  });

  it('treats a threshold of 0 as any change, and equal amounts in other notation as no change', () => {
    expect(significantChanges({ A: '1.0' }, { A: '1.00000' }, '0')).toEqual([]);
    expect(significantChanges({ A: '1' }, { A: '1.00000001' }, '0')).toHaveLength(1);
  });

  it('has nothing to compare on the first refresh', () => {
    expect(significantChanges(null, before, '0')).toEqual([]);
  });

  it('never works in floats: tiny relative changes on huge balances stay exact', () => {
    const huge = { USDT: '123456789012345.12345678' };
    expect(significantChanges(huge, { USDT: '123456789012345.12345679' }, '0')[0]?.percent).toBe('0.00');
  });
});
