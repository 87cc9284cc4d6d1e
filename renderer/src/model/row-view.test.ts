import { describe, expect, it } from 'vitest';
import { quoteFormat, MASK } from '../../../shared/money.ts';
import { readNumberLocale } from '../../../shared/number-locale.ts';
import { SAMPLE_ROWS } from '../../../shared/testing/sample-data.ts';
import { arrangeRows, DEFAULT_SORT } from './balance-view.ts';
import { sameLine, tableEntries, tableLines, widestFraction, type LineContext } from './row-view.ts';

const en = readNumberLocale('en-US');
const context: LineContext = { locale: en, quote: quoteFormat('USD', en), privacy: false };
const lines = (ctx: LineContext) => tableLines(arrangeRows(SAMPLE_ROWS, { search: '', kind: 'all', hideBelow: '0' }, DEFAULT_SORT), ctx);

describe('tableLines', () => {
  it('reads a read-only row the way a screen reader should say it', () => {
    const staked = lines(context).find((line) => line.key === 'row:ETH2.S');
    expect(staked).toMatchObject({
      label: 'Staked ETH, read-only, 198.39708 ETH, 612,345.12 US dollars',
      name: 'ETH',
      code: 'ETH2.S',
      badge: 'Staked',
      amountText: '198.39708',
      amountExact: '198.3970800000',
      valueText: '$612,345.12',
      nested: true,
    });
  });

  it('gives multi-row groups a heading line and single balances one line', () => {
    expect(lines(context).map((line) => line.key).slice(0, 6)).toEqual(['row:XXBT', 'group:ETH', 'row:XETH', 'row:ETH2.S', 'row:ETH2', 'group:USD']);
    expect(lines(context).find((line) => line.key === 'group:ETH')?.label).toBe('ETH, all 3 balances, 1,019.535637433 ETH, 3,609,706.14 US dollars');
  });

  it('cuts each amount at the locale’s decimal separator, for the table to line them up', () => {
    const xbt = lines(context).find((line) => line.key === 'row:XXBT');
    expect([xbt?.amountWhole, xbt?.amountFraction]).toEqual(['1,011', '.19088779']);
    const de = readNumberLocale('de-DE');
    const german = lines({ ...context, locale: de, quote: quoteFormat('USD', de) });
    expect(german.filter((line) => ['row:XXBT', 'row:USDT'].includes(line.key)).map((line) => [line.amountWhole, line.amountFraction])).toEqual([
      ['1.011', ',19088779'],
      ['500.000', ''],
    ]);
    expect(widestFraction(tableEntries(arrangeRows(SAMPLE_ROWS, { search: '', kind: 'all', hideBelow: '0' }, DEFAULT_SORT)))).toBe(9);
  });

  it('says unpriced, never zero', () => {
    expect(lines(context).find((line) => line.key === 'row:FOO')).toMatchObject({ valueText: 'Unpriced', unpriced: true, shareText: '—' });
  });

  it('masks every amount and value with the same fixed mask in privacy mode', () => {
    const masked = lines({ ...context, privacy: true });
    for (const line of masked) {
      expect(line.amountText).toBe(MASK);
      expect([line.amountWhole, line.amountFraction]).toEqual([MASK, '']);
      expect(line.amountExact).toBe('');
      if (!line.unpriced) expect(line.valueText).toBe(MASK);
      expect(line.label).not.toMatch(/\d{2}/);
    }
  });

  it('compares lines by what they show', () => {
    const [a] = lines(context);
    const [b] = lines(context);
    expect(a && b && sameLine(a, b)).toBe(true);
    expect(a && sameLine(a, { ...a, valueText: '$1.00' })).toBe(false);
  });
});
