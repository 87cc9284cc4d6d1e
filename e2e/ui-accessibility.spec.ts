// Issue 5, point 7: the keyboard reaches everything with a visible focus ring, rows read as one sentence,
// and text contrast meets WCAG AA in both themes. (The README's screenshots: ui-layout.spec.ts.)
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/accounts.ts';
import { addMainKey, KEYS, openDemo } from './ui-helpers.ts';

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The focused element draws a focus ring (its own outline, or its styled label for hidden radios). */
function focusRingVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || focused === document.body) return false;
    const ringed = focused.matches('.segment input') ? focused.nextElementSibling : focused;
    if (!ringed) return false;
    const style = getComputedStyle(ringed);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

interface ContrastFailure {
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

/** WCAG contrast of every visible piece of text against what is really behind it. */
function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate(() => {
    const parse = (value: string): [number, number, number, number] => {
      const numbers = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, value.startsWith('rgba') || value.includes('/') ? (numbers[3] ?? 1) : 1];
    };
    const over = (top: number[], bottom: number[]) => top.slice(0, 3).map((c, i) => c * (top[3] ?? 1) + (bottom[i] ?? 0) * (1 - (top[3] ?? 1)));
    const luminance = (rgb: number[]) => {
      const [r = 0, g = 0, b = 0] = rgb.map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const backgroundOf = (element: Element): number[] => {
      const layers: number[][] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      let result = [255, 255, 255];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const failures: ContrastFailure[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden' || element.closest('[aria-hidden="true"], .visually-hidden, :disabled')) continue;
      if (box.bottom < 0 || box.top > window.innerHeight) continue;
      const background = backgroundOf(element);
      const color = over(parse(style.color), background);
      const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
      const ratio = ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed) failures.push({ text: node.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, needed, color: style.color, background: `rgb(${background.map(Math.round).join(', ')})` });
    }
    return failures;
  });
}

test('keyboard only: first run to balances, every control reachable with a visible focus ring', async ({ page }) => {
  const demo = page.getByRole('button', { name: 'Open the demo account' });
  await tabTo(page, demo);
  expect(await focusRingVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Balances of Demo account in USD' })).toBeVisible();

  const controls = [
    page.getByRole('tab', { name: /Demo account/ }),
    page.getByRole('button', { name: 'Hide amounts' }),
    page.getByRole('button', { name: 'Settings' }),
    page.getByRole('button', { name: 'Keyboard shortcuts' }),
    page.getByRole('button', { name: 'Charts' }),
    page.getByRole('button', { name: 'Refresh', exact: true }),
    page.getByRole('searchbox', { name: 'Search assets' }),
    page.getByRole('radio', { name: 'All' }),
    page.getByLabel('Hide balances under'),
    page.getByRole('button', { name: 'Asset', exact: true }),
    page.getByRole('button', { name: 'Share', exact: true }),
    page.locator('[data-line]').first(),
  ];
  await page.locator('h1').click();
  for (const control of controls) {
    await tabTo(page, control);
    expect(await focusRingVisible(page), `focus ring on ${control.toString()}`).toBe(true);
  }

  // Rows: one tab stop, arrows move, End reaches the last line.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-line]').nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('[data-line]').last()).toBeFocused();
  expect(await focusRingVisible(page)).toBe(true);

  // Sorting from the keyboard.
  await page.getByRole('button', { name: 'Asset', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: 'Asset' })).toHaveAttribute('aria-sort', 'ascending');

  // The filter is a radio group: arrows change it.
  await page.getByRole('radio', { name: 'All' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Tradable' })).toBeChecked();

  // Settings open and close from the keyboard, and focus comes back.
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
});

// One window for both (a launch costs seconds of every CI run); each step is what was a test of its own. The
// contrast step changes the theme and a colour, so it comes last.
test('on the demo account: what screen readers read, and text contrast in both themes', async ({ page }) => {
  await openDemo(page);

  await test.step('screen readers read a row as one sentence, and each part has a role and a name', async () => {
    await expect(page.getByRole('row', { name: 'Staked ETH, read-only, 198.39708 ETH, price $3,650.25, -1.42% in 24 hours, 724,198.94 US dollars' })).toBeVisible();
    await expect(page.getByRole('row', { name: 'BTC, 1,011.19088779 BTC, 998.69088779 available, 12.5 held in open orders, price $97,250.10, +2.36% in 24 hours, 98,338,414.96 US dollars' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Balances of Demo account in USD' })).toHaveAttribute('aria-rowcount', String((await page.locator('[data-line]').count()) + 1));
    await expect(page.getByRole('columnheader')).toHaveText(['Asset', 'Amount', 'Price · 24 h', 'Value▼', 'Share']);
    await expect(page.getByRole('tablist', { name: 'Accounts' })).toBeVisible();
    await expect(page.getByRole('search')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Show balances' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Allocation by asset: BTC 94\.10%/ })).toBeVisible();
  });

  await test.step('text contrast meets WCAG AA in the light and the dark theme', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
      await page.mouse.move(0, 0);
      await expect.poll(() => contrastFailures(page), { message: `${theme} theme` }).toEqual([]);
    }
    // The dialogs in both themes too.
    await page.getByRole('button', { name: 'Settings' }).click();
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
      await expect.poll(() => contrastFailures(page), { message: `settings, ${theme} theme` }).toEqual([]);
    }
    // The check itself catches a colour that is too faint.
    await page.evaluate(() => document.documentElement.style.setProperty('--muted', '#50545a'));
    expect((await contrastFailures(page)).length).toBeGreaterThan(0);
  });
});

test.describe('with a key', () => {
  test.use({ keyring: 'gnome_libsecret' });

  test('an error banner and stale balances keep AA contrast in both themes', async ({ page, fakeKraken }) => {
    await addMainKey(page);
    fakeKraken.setPermissions(false, KEYS.main.apiKey);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByTestId('refresh-status')).toHaveText('Refresh failed', { timeout: 10_000 });
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
      await expect.poll(() => contrastFailures(page), { message: `error state, ${theme} theme` }).toEqual([]);
    }
  });

  test('a long list is virtualized and still fully reachable by keyboard', async ({ page, fakeKraken }) => {
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`Z${String(i).padStart(3, '0')}X`, `${i + 1}.5`]));
    fakeKraken.setBalances({ XXBT: '1', ...many }, KEYS.main.apiKey);
    await addMainKey(page);
    await expect(page.getByText('601 balances')).toBeVisible();
    expect(await page.locator('[data-line]').count()).toBeLessThan(80);
    await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', '602');
    await page.locator('[data-line]').first().focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-line="row:Z599X"]');
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport();
    await expect(last).toHaveAttribute('aria-rowindex', '602');
    await page.keyboard.press('Home');
    await expect(page.locator('[data-line="row:XXBT"]')).toBeFocused();
  });

  test('a long list draws only the lines on screen in its first frame; the lines just beyond join after it', async ({ page, fakeKraken }) => {
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`Z${String(i).padStart(3, '0')}X`, `${i + 1}.5`]));
    fakeKraken.setBalances({ XXBT: '1', ...many }, KEYS.main.apiKey);
    // Just before the first frame that holds lines is drawn (a frame callback queued as they appear), count
    // the lines, and those wholly below the part of the list that can be seen.
    await page.evaluate(() => {
      const below = () => {
        const list = document.querySelector('.table-body')?.getBoundingClientRect();
        const bottom = Math.min(list?.bottom ?? 0, window.innerHeight);
        const lines = [...document.querySelectorAll('[data-line]')];
        return { lines: lines.length, below: lines.filter((line) => line.getBoundingClientRect().top >= bottom).length };
      };
      const scope = window as unknown as { firstFrame?: ReturnType<typeof below>; linesBelow?: () => number };
      scope.linesBelow = () => below().below;
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-line]') === null) return;
        observer.disconnect();
        requestAnimationFrame(() => (scope.firstFrame = below()));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await addMainKey(page);
    await expect(page.getByText('601 balances')).toBeVisible();
    const firstFrame = await page.evaluate(() => (window as unknown as { firstFrame?: { lines: number; below: number } }).firstFrame);
    expect(firstFrame?.lines).toBeGreaterThan(3);
    expect(firstFrame?.below).toBe(0);
    // Then the lines kept beyond the edge (overscan), so scrolling finds them ready.
    await expect.poll(() => page.evaluate(() => (window as unknown as { linesBelow: () => number }).linesBelow())).toBeGreaterThanOrEqual(4);
  });
});
