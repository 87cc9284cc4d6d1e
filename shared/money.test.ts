import { describe, expect, it } from 'vitest';
import { changePercent } from './decimal.ts';
import { amountText, changePercentText, moneyChangeText, moneySpoken, moneyText, priceText, quoteFormat, shareText, signedPercentText, unsignedPercentText } from './money.ts';
import { readNumberLocale } from './number-locale.ts';

const en = readNumberLocale('en-US');
const de = readNumberLocale('de-DE');

const usd = quoteFormat('USD', en);

// Every amount of money the app writes, with its quote and locale: one table, so a case is one line.
describe('money texts', () => {
  it.each([
    // Fiat: the locale currency pattern, rounded (halves to even) to the currency decimals.
    ['fiat, a half rounded down to even', moneyText('612345.125', usd, en), '$612,345.12'],
    ['fiat, a half rounded up to even', moneyText('612345.135', usd, en), '$612,345.14'],
    ['fiat, below a half', moneyText('612345.124999', usd, en), '$612,345.12'],
    ['euros in German', moneyText('1234.5', quoteFormat('EUR', de), de), '1.234,50\u00a0€'],
    ['yen without decimals', moneyText('1234.5', quoteFormat('JPY', en), en), '¥1,234'],
    ['yen, a half rounded up to even', moneyText('1235.5', quoteFormat('JPY', en), en), '¥1,236'],
    // Crypto quotes: their code and more decimals.
    ['a BTC quote', moneyText('0.123456789', quoteFormat('BTC', en), en), '0.12345679\u00a0BTC'],
    ['a USDT quote', moneyText('10', quoteFormat('USDT', en), en), '10.00\u00a0USDT'],
    // Signs go before the currency symbol.
    ['signed, negative', moneyText('-5', usd, en, { signed: true }), '-$5.00'],
    ['signed, positive', moneyText('5', usd, en, { signed: true }), '+$5.00'],
    ['signed, rounds to nothing', moneyText('0.001', usd, en, { signed: true }), '$0.00'],
    ['a change of value', moneyChangeText('1234.5', usd, en), '+$1,234.50'],
    ['a change below a cent', moneyChangeText('-0.001', usd, en), '-<$0.01'],
    ['a change below a yen', moneyChangeText('0.3', quoteFormat('JPY', en), en), '+<¥1'],
    ['no change', moneyChangeText('0', usd, en), '$0.00'],
    // Unit prices (issue 13, point 11): the currency decimals, four significant digits below 1.
    ['a price', priceText('97250.1', usd, en), '$97,250.10'],
    ['a price below 1', priceText('0.9999', usd, en), '$0.9999'],
    ['a tiny price', priceText('0.0000234567', usd, en), '$0.00002346'],
    ['a price in BTC', priceText('0.03754', quoteFormat('BTC', en), en), '0.03754000\u00a0BTC'],
    ['a price in euros, German', priceText('1.0852', quoteFormat('EUR', de), de), '1,09\u00a0€'],
    // Read aloud with the currency name.
    ['spoken dollars', moneySpoken('612345.12', usd, en), '612,345.12 US dollars'],
    ['spoken ETH', moneySpoken('3', quoteFormat('ETH', en), en), '3.000000 ETH'],
  ])('%s', (_what, written, expected) => {
    expect(written).toBe(expected);
  });
});

describe('amountText', () => {
  it('keeps every digit Kraken sent but trailing zeros, in the locale symbols', () => {
    expect(['1011.1908877900', '500000.00000000', '-2.50'].map((amount) => amountText(amount, en))).toEqual(['1,011.19088779', '500,000', '-2.5']);
    expect(amountText('1011.1908877900', de)).toBe('1.011,19088779');
  });
});

// Every percentage the app writes, with its locale: one table, so a case is one line.
describe('percent texts', () => {
  it.each([
    ['a share, with two decimals', shareText('0.941', en), '94.10%'],
    ['a tiny share', shareText('0.00004', en), '<0.01%'],
    ['no share', shareText('0', en), '0.00%'],
    ['a share in German', shareText('0.25', de), '25,00\u00a0%'],
    ['a relative change up', changePercentText('110', '100', en), '+10.00%'],
    ['a relative change down', changePercentText('99.99', '100', en), '-0.01%'],
    // A real change too small for two decimals is never written as no change (issue 13, point 5).
    ['a real change below two decimals, down', changePercentText('99.995', '100', en), '-<0.01%'],
    ['a real change on a large total, up', changePercentText('104380435.40', '104380435.39', en), '+<0.01%'],
    ['no change', changePercentText('100', '100', en), '0.00%'],
    ['a change against zero', changePercentText('5', '0', en), null],
    ['a signed percentage', signedPercentText('2.368526315789', en), '+2.37%'],
    ['a tiny signed percentage', signedPercentText('-0.000010282767', en), '-<0.01%'],
    ['a tiny signed percentage in German', signedPercentText('0.004', de), '+<0,01\u00a0%'],
    ['a signed zero', signedPercentText('0', en), '0.00%'],
  ])('%s', (_what, written, expected) => {
    expect(written).toBe(expected);
  });
});

describe('percentages of a change', () => {
  it('are exact, and written without sign where the words say the direction', () => {
    expect([changePercent('110', '100'), changePercent('0.5', '1'), changePercent('1', '0')]).toEqual(['10', '-50', null]);
    expect([unsignedPercentText('-12.345', en), unsignedPercentText('12.355', de)]).toEqual(['12.34%', '12,36\u00a0%']);
  });
});
