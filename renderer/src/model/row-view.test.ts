import { describe, expect, it } from 'vitest';
import { quoteFormat, MASK } from '../../../shared/money.ts';
import { readNumberLocale } from '../../../shared/number-locale.ts';
import type { BalanceRow, RowEarn } from '../../../ipc/contract.ts';
import { balanceRow, SAMPLE_ROWS } from '../../../shared/testing/sample-data.ts';
import { arrangeRows, DEFAULT_SORT } from './balance-view.ts';
import { fractionDigits, rowLine, sameLine, tableEntries, tableLines, widestFraction, type LineContext } from './row-view.ts';

const en = readNumberLocale('en-US');
const context: LineContext = { locale: en, quote: quoteFormat('USD', en), privacy: false };
const lines = (ctx: LineContext) => tableLines(arrangeRows(SAMPLE_ROWS, { search: '', kind: 'all', hideBelow: '0' }, DEFAULT_SORT), ctx);

describe('tableLines', () => {
  it('reads a read-only row the way a screen reader should say it', () => {
    const staked = lines(context).find((line) => line.key === 'row:ETH2.S');
    expect(staked).toMatchObject({
      label: 'Staked ETH, read-only, 198.39708 ETH, price $1.00, 612,345.12 US dollars',
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
    expect(lines(context).find((line) => line.key === 'group:ETH')?.label).toBe('ETH, all 3 balances, 1,019.535637433 ETH, price $1.00, 3,609,706.14 US dollars');
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

  it.each([
    ['198.3970800000', 5],
    ['500000.00000000', 0],
    ['1011', 0],
    ['0.00000001', 8],
    ['-12.50', 1],
    ['100.10', 1],
  ])('counts the fraction digits %s shows as %i (trailing zeros not counted)', (amount, digits) => {
    expect(fractionDigits(amount)).toBe(digits);
  });

  it('says unpriced, never zero', () => {
    expect(lines(context).find((line) => line.key === 'row:FOO')).toMatchObject({ valueText: 'Unpriced', unpriced: true, shareText: '—' });
  });

  it('masks every amount and value with the same fixed mask in privacy mode', () => {
    const masked = lines({ ...context, privacy: true });
    const shown = lines(context);
    masked.forEach((line, index) => {
      expect(line.amountText).toBe(MASK);
      expect([line.amountWhole, line.amountFraction]).toEqual([MASK, '']);
      expect(line.amountExact).toBe('');
      expect(line.amountTitle).toBe('');
      if (!line.unpriced) expect(line.valueText).toBe(MASK);
      // Prices are market data, not the user's: only amounts and values are hidden.
      const visible = shown[index];
      expect(line.label).not.toContain(visible?.amountText);
      if (!line.unpriced) expect(line.label).not.toContain(visible?.valueText.slice(1));
    });
  });

  it('compares lines by what they show', () => {
    const [a] = lines(context);
    const [b] = lines(context);
    expect(a && b && sameLine(a, b)).toBe(true);
    expect(a && sameLine(a, { ...a, valueText: '$1.00' })).toBe(false);
  });
});

describe('price, funds and Earn on a line (issue 13, points 5, 11, 12)', () => {
  const row = (partial: Partial<BalanceRow>): BalanceRow => ({ ...balanceRow('XXBT', 'BTC', '1.5', '150000'), price: '100000', ...partial });
  const line = (partial: Partial<BalanceRow>, ctx: LineContext = context) => rowLine(row(partial), false, ctx);

  it('shows the unit price in the quote and its 24 h change, a tiny real change never as 0.00%', () => {
    expect(line({ change24hPct: '2.368526315789' })).toMatchObject({ priceText: '$100,000.00', changeText: '+2.37%', changeTone: 'up', priceExact: '100000 USD' });
    expect(line({ change24hPct: '-0.000010282767' })).toMatchObject({ changeText: '-<0.01%', changeTone: 'down' });
    expect(line({ change24hPct: '0' })).toMatchObject({ changeText: '0.00%', changeTone: 'flat' });
    expect(line({ change24hPct: null })).toMatchObject({ changeText: '', changeTone: 'none' });
    expect(line({ price: '0.00002345', change24hPct: null }).priceText).toBe('$0.00002345');
  });

  it('shows what open orders hold under the amount, and available and held in its tooltip', () => {
    const held = line({ available: '1.25', held: '0.25' });
    expect(held.fundsText).toBe('0.25 in orders');
    expect(held.amountTitle).toBe('1.5 BTC\nAvailable: 1.25 BTC\nHeld in open orders: 0.25 BTC');
    expect(held.label).toContain('1.25 available, 0.25 held in open orders');
    const free = line({ available: '1.5', held: '0' });
    expect(free.fundsText).toBe('');
    expect(free.label).not.toContain('available');
    expect(line({ available: '1.25', held: '0.25' }, { ...context, privacy: true })).toMatchObject({ fundsText: '', amountTitle: '' });
  });

  it('puts the Earn allocation behind a read-only line on it, and says when the line is not certain', () => {
    const earn: RowEarn = {
      allocations: [{ strategyId: 'S1', asset: 'ETH', allocated: '198.39708', bonding: null, unbonding: { amount: '5', endsAt: '2026-12-06T12:00:00.000Z' }, rewarded: '3.86', payout: { accumulated: '0.04', estimated: '0.06', at: '2026-12-03T00:00:00.000Z' } }],
      sharedWith: ['ETH2'],
    };
    const staked = rowLine({ ...balanceRow('ETH2.S', 'ETH', '198.39708', '1'), earn }, true, context);
    expect(staked.earnText).toBe('Unbonding 5 ETH until Dec 6 · uncertain');
    expect(staked.explanation).toContain('198.39708 ETH allocated; 5 ETH unbonding until Dec 6');
    expect(staked.explanation).toContain('rewards so far 3.86 ETH; next payout on Dec 3');
    expect(staked.explanation).toContain('Kraken does not say whether this is behind ETH2.S or ETH2');
    expect(rowLine({ ...balanceRow('ETH2.S', 'ETH', '198.39708', '1'), earn }, true, { ...context, privacy: true }).earnText).toContain(MASK);
  });
});
