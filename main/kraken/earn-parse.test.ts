import { describe, expect, it } from 'vitest';
import { demoEarnAllocations } from '../balances/demo-data.ts';
import { parseEarnAllocations } from './earn-parse.ts';

const NOW = Date.parse('2026-11-30T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

describe('parseEarnAllocations', () => {
  it('reads what the app shows of Kraken\'s documented shape: amounts as sent, the latest end of each phase, the payout', () => {
    const [eth, usd] = parseEarnAllocations(demoEarnAllocations(NOW));
    expect(eth).toEqual({
      strategyId: 'ESDQCOL-WTZEU-NU55QF',
      nativeAsset: 'ETH',
      allocated: '198.3970800000',
      bonding: { amount: '10.0000000000', endsAt: new Date(NOW + 3 * DAY).toISOString() },
      unbonding: { amount: '5.0000000000', endsAt: new Date(NOW + 6 * DAY).toISOString() },
      rewarded: '3.8600000000',
      payout: { accumulated: '0.0412000000', estimated: '0.0589000000', at: new Date(NOW + 3 * DAY).toISOString() },
    });
    expect(usd).toMatchObject({ nativeAsset: 'USD', bonding: null, unbonding: null, rewarded: '3.1100' });
  });

  it('takes the last of several allocations as the end of a phase, and tolerates a missing or unreadable date', () => {
    const phase = (expires: unknown[]) => ({
      items: [{
        strategy_id: 'S1', native_asset: 'DOT',
        amount_allocated: { total: { native: '3', converted: '21' }, unbonding: { native: '3', converted: '21', allocation_count: 3, allocations: expires.map((at) => ({ native: '1', converted: '7', expires: at })) } },
        total_rewarded: { native: '0', converted: '0' },
      }],
    });
    expect(parseEarnAllocations(phase(['2026-12-01T00:00:00Z', '2026-12-09T00:00:00Z', '2026-12-04T00:00:00Z']))[0]?.unbonding).toEqual({ amount: '3', endsAt: '2026-12-09T00:00:00.000Z' });
    expect(parseEarnAllocations(phase(['not a date', 42]))[0]?.unbonding).toEqual({ amount: '3', endsAt: null });
    expect(parseEarnAllocations(phase([]))[0]?.payout).toBeNull();
  });

  it('refuses what it cannot read: no list, an amount that is not a decimal string, a hostile code', () => {
    expect(() => parseEarnAllocations({})).toThrow(/not a list/);
    const item = (patch: Record<string, unknown>) => ({ items: [{ strategy_id: 'S1', native_asset: 'DOT', amount_allocated: { total: { native: '1', converted: '7' } }, ...patch }] });
    expect(parseEarnAllocations(item({}))[0]?.allocated).toBe('1');
    expect(() => parseEarnAllocations(item({ amount_allocated: { total: { native: 1, converted: '7' } } }))).toThrow(/unreadable total/);
    expect(() => parseEarnAllocations(item({ native_asset: '__proto__' }))).toThrow(/unreadable item/);
    expect(() => parseEarnAllocations(item({ total_rewarded: { native: '1e5' } }))).toThrow(/unreadable total_rewarded/);
  });
});
