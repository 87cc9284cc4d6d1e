import { describe, expect, it } from 'vitest';
import type { BalanceRow } from '../../../ipc/contract.ts';
import { extensionExplanation, plainName, rowName, spokenName, unbondingDays } from './asset-names.ts';

const row = (asset: string, base: string, extension: BalanceRow['extension'] = null) => ({ asset, base, extension });

describe('asset names', () => {
  it('shows the name users know for legacy codes, and keeps other codes as they are', () => {
    expect(plainName('XXBT', 'BTC')).toBe('BTC');
    expect(plainName('ZUSD', 'USD')).toBe('USD');
    expect(plainName('XXDG', 'DOGE')).toBe('DOGE');
    expect(plainName('DOT', 'DOT')).toBe('DOT');
    expect(plainName('ETH2', 'ETH')).toBe('ETH2');
  });

  it('names extension rows by their base and reads them aloud with the extension', () => {
    expect(rowName(row('ETH2.S', 'ETH', 'S'))).toBe('ETH');
    expect(spokenName(row('ETH2.S', 'ETH', 'S'))).toBe('Staked ETH');
    expect(spokenName(row('USD.M', 'USD', 'M'))).toBe('USD in opt-in rewards');
    expect(spokenName(row('USDT.F', 'USDT', 'F'))).toBe('USDT in Kraken Rewards');
    expect(spokenName(row('XXBT', 'BTC'))).toBe('BTC');
  });

  it('explains read-only balances and points to the base asset', () => {
    expect(extensionExplanation(row('USDT.F', 'USDT', 'F'))).toBe(
      'USDT.F is USDT earning automatically in Kraken Rewards. This balance is read-only: to trade or withdraw, use USDT.',
    );
    expect(extensionExplanation(row('XXBT', 'BTC'))).toBe('');
  });

  it('reads unbonding days from staked codes', () => {
    expect(unbondingDays(row('GRT28.S', 'GRT', 'S'))).toBe(28);
    expect(unbondingDays(row('SOL03.S', 'SOL', 'S'))).toBe(3);
    expect(unbondingDays(row('ETH2.S', 'ETH', 'S'))).toBeNull();
    expect(extensionExplanation(row('GRT28.S', 'GRT', 'S'))).toContain('It takes 28 days to unbond.');
  });
});
