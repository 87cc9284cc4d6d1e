import { describe, expect, it } from 'vitest';
import { changePercent } from './decimal.ts';
import { amountText, changePercentText, moneyChangeText, moneySpoken, moneyText, priceText, quoteFormat, shareText, signedPercentText, unsignedPercentText } from './money.ts';
import { readNumberLocale } from './number-locale.ts';

const en = readNumberLocale('en-US');
const de = readNumberLocale('de-DE');

describe('moneyText', () => {
  it('writes fiat with the locale currency pattern, rounded (halves to even) to the currency decimals', () => {
    expect(moneyText('612345.125', quoteFormat('USD', en), en)).toBe('$612,345.12');
    expect(moneyText('612345.135', quoteFormat('USD', en), en)).toBe('$612,345.14');
    expect(moneyText('612345.124999', quoteFormat('USD', en), en)).toBe('$612,345.12');
    expect(moneyText('1234.5', quoteFormat('EUR', de), de)).toBe('1.234,50\u00a0€');
    expect(moneyText('1234.5', quoteFormat('JPY', en), en)).toBe('¥1,234');
    expect(moneyText('1235.5', quoteFormat('JPY', en), en)).toBe('¥1,236');
  });

  it('writes crypto quotes with their code and more decimals', () => {
    expect(moneyText('0.123456789', quoteFormat('BTC', en), en)).toBe('0.12345679\u00a0BTC');
    expect(moneyText('10', quoteFormat('USDT', en), en)).toBe('10.00\u00a0USDT');
  });

  it('puts signs before the currency symbol', () => {
    expect(moneyText('-5', quoteFormat('USD', en), en, { signed: true })).toBe('-$5.00');
    expect(moneyText('5', quoteFormat('USD', en), en, { signed: true })).toBe('+$5.00');
    expect(moneyText('0.001', quoteFormat('USD', en), en, { signed: true })).toBe('$0.00');
  });

  it('reads aloud with the currency name', () => {
    expect(moneySpoken('612345.12', quoteFormat('USD', en), en)).toBe('612,345.12 US dollars');
    expect(moneySpoken('3', quoteFormat('ETH', en), en)).toBe('3.000000 ETH');
  });
});

describe('shareText', () => {
  it('writes fractions as percentages with two decimals', () => {
    expect(shareText('0.941', en)).toBe('94.10%');
    expect(shareText('0.00004', en)).toBe('<0.01%');
    expect(shareText('0', en)).toBe('0.00%');
    expect(shareText('0.25', de)).toBe('25,00\u00a0%');
  });
});

describe('changePercentText', () => {
  it('gives the signed relative change, or null against zero', () => {
    expect(changePercentText('110', '100', en)).toBe('+10.00%');
    expect(changePercentText('99.99', '100', en)).toBe('-0.01%');
    // A real change too small for two decimals is never written as no change (issue 13, point 5).
    expect(changePercentText('99.995', '100', en)).toBe('-<0.01%');
    expect(changePercentText('104380435.40', '104380435.39', en)).toBe('+<0.01%');
    expect(changePercentText('100', '100', en)).toBe('0.00%');
    expect(changePercentText('5', '0', en)).toBeNull();
  });
});

describe('amountText', () => {
  it('keeps every digit Kraken sent but trailing zeros, in the locale symbols', () => {
    expect(['1011.1908877900', '500000.00000000', '-2.50'].map((amount) => amountText(amount, en))).toEqual(['1,011.19088779', '500,000', '-2.5']);
    expect(amountText('1011.1908877900', de)).toBe('1.011,19088779');
  });
});

describe('percentages of a change', () => {
  it('are exact, and written without sign where the words say the direction', () => {
    expect([changePercent('110', '100'), changePercent('0.5', '1'), changePercent('1', '0')]).toEqual(['10', '-50', null]);
    expect([unsignedPercentText('-12.345', en), unsignedPercentText('12.355', de)]).toEqual(['12.34%', '12,36\u00a0%']);
  });
});

describe('changes and prices (issue 13, points 5 and 11)', () => {
  it('writes a change in percent signed, and a real change too small for two decimals as <0.01%, never 0.00%', () => {
    expect(signedPercentText('2.368526315789', en)).toBe('+2.37%');
    expect(signedPercentText('-0.000010282767', en)).toBe('-<0.01%');
    expect(signedPercentText('0.004', de)).toBe('+<0,01\u00a0%');
    expect(signedPercentText('0', en)).toBe('0.00%');
  });

  it('writes a change of value signed, and one below a cent as <$0.01', () => {
    expect(moneyChangeText('1234.5', quoteFormat('USD', en), en)).toBe('+$1,234.50');
    expect(moneyChangeText('-0.001', quoteFormat('USD', en), en)).toBe('-<$0.01');
    expect(moneyChangeText('0.3', quoteFormat('JPY', en), en)).toBe('+<¥1');
    expect(moneyChangeText('0', quoteFormat('USD', en), en)).toBe('$0.00');
  });

  it('writes unit prices with the currency decimals, and four significant digits below 1', () => {
    expect(priceText('97250.1', quoteFormat('USD', en), en)).toBe('$97,250.10');
    expect(priceText('0.9999', quoteFormat('USD', en), en)).toBe('$0.9999');
    expect(priceText('0.0000234567', quoteFormat('USD', en), en)).toBe('$0.00002346');
    expect(priceText('0.03754', quoteFormat('BTC', en), en)).toBe('0.03754000\u00a0BTC');
    expect(priceText('1.0852', quoteFormat('EUR', de), de)).toBe('1,09\u00a0€');
  });
});
