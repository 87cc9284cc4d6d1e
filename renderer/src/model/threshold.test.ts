import { describe, expect, it } from 'vitest';
import { accountBalances, balanceRow, portfolio } from '../../../shared/testing/sample-data.ts';
import { readNumberLocale } from '../../../shared/number-locale.ts';
import { thresholdChangeText, thresholdForQuote } from './threshold.ts';

const priced = (rows: Parameters<typeof portfolio>[0], quote = 'USD') => [accountBalances('a', { portfolio: portfolio(rows, '0', quote) })];
const btc = { ...balanceRow('XXBT', 'BTC', '1', '97250'), price: '97250' };
const eur = { ...balanceRow('ZEUR', 'EUR', '100', '108.52'), price: '1.0852' };

describe('thresholdForQuote', () => {
  it('converts with the price of the new quote currency, to two significant digits', () => {
    expect(thresholdForQuote('10', 'USD', 'BTC', priced([btc, eur]))).toEqual({ kind: 'converted', value: '0.0001', was: '10', from: 'USD', to: 'BTC' });
    expect(thresholdForQuote('10', 'USD', 'EUR', priced([btc, eur]))).toMatchObject({ kind: 'converted', value: '9.2' });
    expect(thresholdForQuote('2500', 'USD', 'EUR', priced([eur]))).toMatchObject({ kind: 'converted', value: '2300' });
  });

  it('resets to zero when no balance carries the new quote’s price, or the old quote’s balances are gone', () => {
    expect(thresholdForQuote('10', 'USD', 'JPY', priced([btc, eur]))).toEqual({ kind: 'reset', was: '10', from: 'USD', to: 'JPY' });
    expect(thresholdForQuote('10', 'USD', 'BTC', priced([btc], 'EUR'))).toMatchObject({ kind: 'reset' });
    // A staked balance is not the asset's price (it may carry none).
    expect(thresholdForQuote('10', 'USD', 'ETH', priced([{ ...balanceRow('ETH2.S', 'ETH', '1', '3650'), price: '3650' }]))).toMatchObject({ kind: 'reset' });
    // Too small to keep in 18 places.
    expect(thresholdForQuote('0.000000000000000001', 'USD', 'BTC', priced([btc]))).toMatchObject({ kind: 'reset' });
  });

  it('leaves a zero threshold and an unchanged quote alone', () => {
    expect(thresholdForQuote('0', 'USD', 'BTC', priced([btc]))).toEqual({ kind: 'unchanged' });
    expect(thresholdForQuote('10', 'USD', 'USD', priced([btc]))).toEqual({ kind: 'unchanged' });
  });
});

describe('thresholdChangeText', () => {
  it('says what the threshold was and what it is now, in the locale’s numbers', () => {
    const de = readNumberLocale('de-DE');
    expect(thresholdChangeText({ kind: 'converted', value: '0.0001', was: '10.5', from: 'USD', to: 'BTC' }, de)).toBe(
      '“Hide balances under” was 10,5 USD; at the current price that is about 0,0001 BTC.',
    );
    expect(thresholdChangeText({ kind: 'reset', was: '10', from: 'USD', to: 'JPY' }, readNumberLocale('en-US'))).toBe(
      '“Hide balances under” was 10 USD; with no JPY price to convert it, it now hides nothing.',
    );
  });
});
