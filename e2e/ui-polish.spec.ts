// Issue 13, point 10: copying says so on screen; the privacy button says what it will do (see also
// ui-views.spec.ts); dialogs open on their first field; search knows asset names ("bitcoin"); and amounts
// line up on the decimal separator, in en-US and in de-DE.
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/accounts.ts';
import { lineNames, openDemo } from './ui-helpers.ts';

/**
 * Where each amount's decimal separator is drawn (its glyph's left edge), or, for a whole number, where it
 * would be (the end of its last digit): read from the rendered text, whatever the markup.
 */
function separatorEdges(page: Page, separator: string): Promise<number[]> {
  return page.locator('[data-line] .amount-text').evaluateAll((cells, mark) => cells.map((cell) => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let last: Text | null = null;
    for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(mark);
      if (at >= 0) {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return Math.round(range.getBoundingClientRect().left * 2) / 2;
      }
      if (node.data.length > 0) last = node;
    }
    if (last === null) return NaN;
    range.setStart(last, last.data.length - 1);
    range.setEnd(last, last.data.length);
    return Math.round(range.getBoundingClientRect().right * 2) / 2;
  }), separator);
}

// The checks on the demo account share one window (a launch costs seconds of every CI run): each step is what
// was a test of its own and leaves no search or dialog open; the privacy step, which hides the amounts, is last.
test('on the demo account: copying, the privacy button, dialog focus, search by name, decimal points', async ({ page }) => {
  test.slow(); // the work of 5 tests in one: more than the default minute on a loaded machine
  await openDemo(page);

  await test.step('copying an amount shows a confirmation that goes by itself', async () => {
    const btc = page.locator('[data-line="row:XXBT"]');
    await btc.focus();
    await page.keyboard.press('ControlOrMeta+c');
    const toast = page.getByTestId('copy-toast');
    await expect(toast).toBeVisible();
    await expect(toast).toHaveText('Copied 1011.1908877900 BTC');
    await expect(toast).toBeHidden({ timeout: 5000 });

    await btc.hover();
    await btc.getByRole('button', { name: 'Copy the exact amount of BTC' }).click();
    await expect(toast).toBeVisible();
  });

  await test.step('dialogs open with focus on their first field, not on Close', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings.getByLabel('Quote currency')).toBeFocused();
    await settings.getByRole('button', { name: 'Add an API key…' }).click();
    await expect(page.getByRole('dialog', { name: 'Add a Kraken account' }).getByLabel('Name')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('search finds assets by name as well as by code', async () => {
    const search = page.getByRole('searchbox', { name: 'Search assets' });
    await search.fill('bitcoin');
    await expect.poll(() => lineNames(page)).toEqual([expect.stringMatching(/^BTC, 1,011\.19088779 BTC, /)]);
    await search.fill('polkadot');
    await expect.poll(() => lineNames(page)).toEqual([expect.stringMatching(/^DOT, /)]);
    await search.fill('XBT');
    await expect.poll(() => lineNames(page)).toEqual([expect.stringMatching(/^BTC, /)]);
    await search.fill('');
  });

  await test.step('amounts line up on the decimal point', async () => {
    // The amounts have different numbers of decimals: 1,011.19088779; 818.55; 500,000; 9,999.9999999999.
    await expect(page.locator('[data-line="row:USDT"] .amount-text')).toHaveText('500,000');
    const edges = await separatorEdges(page, '.');
    expect(edges.length).toBeGreaterThan(5);
    expect(new Set(edges)).toEqual(new Set([edges[0]]));
  });

  await test.step('the privacy button names what it will do', async () => {
    await page.getByRole('button', { name: 'Hide amounts' }).click();
    await expect(page.getByRole('button', { name: 'Show amounts' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hide amounts' })).toHaveCount(0);
  });
});

test.describe('on a German system', () => {
  test.use({ osLocale: 'de_DE.UTF-8' });

  test('amounts line up on the decimal comma', async ({ page }) => {
    await openDemo(page);
    await expect(page.locator('[data-line="row:XXBT"] .amount-text')).toHaveText('1.011,19088779');
    const edges = await separatorEdges(page, ',');
    expect(new Set(edges)).toEqual(new Set([edges[0]]));
  });
});
