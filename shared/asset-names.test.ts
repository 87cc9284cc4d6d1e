import { describe, expect, it } from 'vitest';
import type { BalanceRow } from '../ipc/contract.ts';
import { parseAssetCode } from './asset-code.ts';
import { badgeLabel, fullName, readOnlyExplanation, shortName } from './asset-names.ts';

/** A row as main sends it: extension and unbonding days as main's parser reads the code. */
function row(asset: string, base: string): Pick<BalanceRow, 'asset' | 'base' | 'extension' | 'unbondingDays'> {
  const { extension, unbondingDays } = parseAssetCode(asset);
  return { asset, base, extension, unbondingDays };
}

describe('asset names', () => {
  it('shows the name users know for legacy codes, and keeps other codes as they are', () => {
    expect(shortName(row('XXBT', 'BTC'))).toBe('BTC');
    expect(shortName(row('XBT', 'BTC'))).toBe('BTC');
    expect(shortName(row('ZUSD', 'USD'))).toBe('USD');
    expect(shortName(row('XXDG', 'DOGE'))).toBe('DOGE');
    expect(shortName(row('XNMC', 'NMC'))).toBe('NMC');
    expect(shortName(row('DOT', 'DOT'))).toBe('DOT');
    expect(shortName(row('FLOWH', 'FLOW'))).toBe('FLOWH');
  });

  it('names every read-only product the same way in badge, full name and tooltip', () => {
    const named = (asset: string, base: string) => {
      const r = row(asset, base);
      return [shortName(r), badgeLabel(r), fullName(r), readOnlyExplanation(r)];
    };
    const readOnly = ' This balance is read-only: to trade or withdraw, use';
    expect(named('ETH2.S', 'ETH')).toEqual(['ETH', 'Staked', 'Staked ETH', `ETH2.S is ETH staked (legacy staking).${readOnly} ETH.`]);
    expect(named('USD.M', 'USD')).toEqual(['USD', 'Opt-in rewards', 'USD in opt-in rewards', `USD.M is USD in opt-in rewards (legacy).${readOnly} USD.`]);
    expect(named('DOT.B', 'DOT')).toEqual(['DOT', 'Yield-bearing', 'Yield-bearing DOT', `DOT.B is DOT in a yield-bearing product.${readOnly} DOT.`]);
    expect(named('USDT.F', 'USDT')).toEqual(['USDT', 'Kraken Rewards', 'USDT in Kraken Rewards', `USDT.F is USDT earning automatically in Kraken Rewards.${readOnly} USDT.`]);
    expect(named('AAPLx.T', 'AAPLx')).toEqual(['AAPLx', 'Tokenized', 'Tokenized AAPLx', `AAPLx.T is AAPLx held as a tokenized asset.${readOnly} AAPLx.`]);
    expect(named('KSM.P', 'KSM')).toEqual(['KSM', 'Parachain', 'Parachain-bonded KSM', `KSM.P is KSM bonded to a parachain.${readOnly} KSM.`]);
  });

  it('treats ETH2, staked ETH without a suffix, as the staked read-only balance it is', () => {
    const eth2 = row('ETH2', 'ETH');
    expect([shortName(eth2), badgeLabel(eth2), fullName(eth2)]).toEqual(['ETH', 'Staked', 'Staked ETH']);
    expect(readOnlyExplanation(eth2)).toBe('ETH2 is ETH staked (legacy staking). This balance is read-only: to trade or withdraw, use ETH.');
  });

  it('gives tradable balances no badge and no tooltip', () => {
    expect([badgeLabel(row('XXBT', 'BTC')), readOnlyExplanation(row('XXBT', 'BTC')), fullName(row('XXBT', 'BTC'))]).toEqual([null, '', 'BTC']);
  });

  it('says how long a staked balance takes to unbond, from the days main read', () => {
    expect(readOnlyExplanation(row('GRT28.S', 'GRT'))).toBe('GRT28.S is GRT staked (legacy staking). It takes 28 days to unbond. This balance is read-only: to trade or withdraw, use GRT.');
    expect(readOnlyExplanation({ asset: 'SOL01.S', base: 'SOL', extension: 'S', unbondingDays: 1 })).toContain(' It takes 1 day to unbond. ');
    // C98 is an asset of its own: main, knowing it from Kraken's asset list, sends no unbonding days.
    expect(readOnlyExplanation({ asset: 'C98.S', base: 'C98', extension: 'S', unbondingDays: null })).not.toContain('unbond');
  });
});
