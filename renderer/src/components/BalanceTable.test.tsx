// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { balanceRow } from '../../../shared/testing/sample-data.ts';
import { quoteFormat } from '../../../shared/money.ts';
import { readNumberLocale } from '../../../shared/number-locale.ts';
import { DEFAULT_SORT, groupRows } from '../model/balance-view.ts';
import { tableEntries, type TableEntry } from '../model/row-view.ts';
import { BalanceTable } from './BalanceTable.tsx';

afterEach(cleanup);

const locale = readNumberLocale('en-US');
const context = { locale, quote: quoteFormat('USD', locale), privacy: false };

/** The entries of `count` balances, counting how many times any one of them is read. */
function countedEntries(count: number): { entries: readonly TableEntry[]; reads: () => number } {
  const rows = Array.from({ length: count }, (_, index) => balanceRow(`A${index}`, `A${index}`, '1.5', `${count - index}`, '0.001'));
  let reads = 0;
  const entries = new Proxy(tableEntries(groupRows(rows)), {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads += 1;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { entries, reads: () => reads };
}

describe('BalanceTable with thousands of lines', () => {
  it('renders again without reading every entry when the entries are the same', async () => {
    const { entries, reads } = countedEntries(2000);
    const props = { entries, context, sort: DEFAULT_SORT, onSort: () => undefined, stale: false, fractionDigits: 1, onOpenHistory: () => undefined };
    const { rerender, container } = render(<BalanceTable {...props} label="Balances of Main in USD" />);
    await act(async () => undefined);
    // happy-dom lays nothing out, so no line is on screen; what reads entries here is the virtualizer
    // placing all 2,000 lines (once, or on every render).
    expect(container.querySelector('.virtual-space')?.getAttribute('style')).toContain('height: 80000px');
    expect(reads()).toBeGreaterThanOrEqual(2000);
    const before = reads();
    rerender(<BalanceTable {...props} label="Balances of Savings in USD" />);
    await act(async () => undefined);
    // The virtualizer's placement of all 2,000 is kept.
    expect(reads() - before).toBeLessThan(100);
  });
});
