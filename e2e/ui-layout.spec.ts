// Issue 13, points 3 and 4: the window never scrolls sideways at any size from the smallest (720×520) up,
// no chart spills out of its card, and the balances are the main thing: at 720×520 at least six rows show
// without scrolling the page, in the one scroll box of the window. Saves the README screenshots at the
// default and the smallest size, light and dark.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { historyNow, openDemo, resizeWindow } from './ui-helpers.ts';

const SIZES = [
  [1120, 760], // the default window
  [720, 520], // the smallest window main allows
  [800, 600],
  [960, 680], // the charts join the total beside it from here
  [1024, 640],
  [1440, 900],
] as const;

/** Everything that is wider than its box: the page itself, and any card whose content spills out. */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const card of document.querySelectorAll<HTMLElement>('.portfolio-header, .chart, .toolbar, .balance-table, .titlebar')) {
      const box = card.getBoundingClientRect();
      for (const inner of card.querySelectorAll<HTMLElement>('*')) {
        const edge = inner.getBoundingClientRect();
        if (edge.width > 0 && edge.right > box.right + 0.5) found.push(`${card.className} › ${inner.tagName.toLowerCase()}.${inner.getAttribute('class') ?? ''} ends at ${edge.right} > ${box.right}`);
      }
    }
    return found;
  });
}

/** Elements that scroll (their content is taller than they are, and they let it scroll). */
function scrollBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [document.scrollingElement, ...document.querySelectorAll('body *')].flatMap((element) => {
      if (!(element instanceof HTMLElement)) return [];
      const overflowY = element === document.scrollingElement ? 'auto' : getComputedStyle(element).overflowY;
      const scrolls = (overflowY === 'auto' || overflowY === 'scroll') && element.scrollHeight > element.clientHeight + 1;
      return scrolls ? [element.getAttribute('class') ?? element.tagName.toLowerCase()] : [];
    }),
  );
}

/** Table lines wholly inside the window. */
function rowsInView(page: Page): Promise<number> {
  return page.locator('[role="row"][data-line]').evaluateAll((rows) =>
    rows.filter((row) => {
      const box = row.getBoundingClientRect();
      const body = row.closest('.table-body')?.getBoundingClientRect();
      return body !== undefined && box.top >= body.top - 0.5 && box.bottom <= Math.min(body.bottom, window.innerHeight) + 0.5;
    }).length,
  );
}

async function demoWithHistory(page: Page): Promise<void> {
  await openDemo(page);
  // A second refresh draws the value-over-time chart (two points), the widest thing above the table.
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(async () => (await historyNow(page)).length).toBeGreaterThanOrEqual(2);
}

// One window for the layout checks (a launch costs seconds of every CI run); each step is what was a test of its
// own, and puts the charts setting back to its default ('auto') when it changed it.
test('the layout at every size, in one window on the demo account with history: no spill, rows filling a small window, screenshots', async ({ app, page }) => {
  test.slow(); // the work of 3 tests in one: more than the default minute on a loaded machine
  await demoWithHistory(page);

  await test.step('at 720×520 the balances fill the window: six rows or more, one scroll box, charts a click away', async () => {
    await resizeWindow(app, page, 720, 520);
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(6);
    // The table body is the only thing that scrolls; the window itself does not.
    expect(await scrollBoxes(page)).toEqual(['table-body']);
    const charts = page.getByRole('button', { name: 'Charts' });
    await expect(charts).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('history-chart')).toHaveCount(0);

    // Charts open on request, and the choice is remembered.
    await charts.click();
    await expect(charts).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('allocation-chart')).toBeVisible();
    await expect(page.getByTestId('history-chart')).toBeVisible();
    expect(await scrollBoxes(page)).toEqual(['table-body']);
    await charts.click();
    await expect(page.getByTestId('allocation-chart')).toHaveCount(0);

    // At the default size the charts sit beside the total, and the table still shows ten rows or more.
    await resizeWindow(app, page, 1120, 760);
    await page.evaluate(() => (window as unknown as { kraken: import('../ipc/contract.ts').KrakenBridge }).kraken.settings.update({ charts: 'auto' }));
    await expect(page.getByTestId('history-chart')).toBeVisible();
    const [total, chart] = await Promise.all([page.locator('.portfolio-header').boundingBox(), page.getByTestId('history-chart').boundingBox()]);
    expect(chart?.y).toBe(total?.y);
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(10);
    expect(await scrollBoxes(page)).toEqual(['table-body']);
  });

  await test.step('no horizontal scrollbar and nothing spills out of its card, at every size from 720×520 up', async () => {
    for (const [width, height] of SIZES) {
      await resizeWindow(app, page, width, height);
      for (const charts of ['auto', 'shown'] as const) {
        await page.evaluate((value) => (window as unknown as { kraken: import('../ipc/contract.ts').KrakenBridge }).kraken.settings.update({ charts: value }), charts);
        if (charts === 'shown' || (width >= 960 && height >= 680)) await expect(page.getByTestId('history-chart')).toBeVisible();
        expect(await overflows(page), `${width}×${height}, charts ${charts}`).toEqual([]);
      }
    }
    await page.evaluate(() => (window as unknown as { kraken: import('../ipc/contract.ts').KrakenBridge }).kraken.settings.update({ charts: 'auto' }));
  });

  await test.step('screenshots at 1120×760 and 720×520, light and dark', async () => {
    for (const [width, height, suffix] of [[1120, 760, ''], [720, 520, '-small']] as const) {
      await resizeWindow(app, page, width, height);
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
        await page.mouse.move(0, 0);
        await saveScreenshot(page, `main-${theme}${suffix}`);
      }
    }
  });
});
