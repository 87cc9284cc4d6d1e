// bench:live, part 2: from each balance change on the fake Kraken to the exact new amount in the window's
// DOM, in the real app (main, preload and renderer bundles) on the e2e runtime. A MutationObserver in the
// page stamps every text the BTC amount cell shows (Date.now(), the same system clock as the fake's).
import { writeFileSync } from 'node:fs';
import { expect, test } from '../helpers/accounts.ts';
import { addMainKey, shownAmount } from '../ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

const CHANGES = Number(process.env['BENCH_LIVE_CHANGES'] ?? '200');
const OUT = process.env['BENCH_LIVE_OUT'] ?? 'test-results/bench-live-dom.json';

test('change → exact amount in the DOM', async ({ page, fakeKraken }) => {
  await addMainKey(page);
  await expect(page.getByTestId('update-mode')).toHaveText('Live');
  const initial = (await page.locator('[data-line="row:XXBT"] .amount-text').textContent()) ?? '';
  await page.evaluate(() => {
    const seen: { text: string; at: number }[] = [];
    Object.defineProperty(window, '__amounts', { value: seen });
    const watch = (): void => {
      const cell = document.querySelector('[data-line="row:XXBT"] .amount-text');
      const text = cell?.textContent ?? '';
      if (seen.at(-1)?.text !== text) seen.push({ text, at: Date.now() });
    };
    new MutationObserver(watch).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const started = Date.now();
  await fakeKraken.startBalanceWalk({ asset: 'XXBT', times: CHANGES, minIntervalMs: 2000, maxIntervalMs: 5000, seed: 14 });
  await page.waitForTimeout(3000);
  const shown = await page.evaluate(() => (window as unknown as { __amounts: { text: string; at: number }[] }).__amounts);

  const changes = fakeKraken.balanceChanges;
  const byText = new Map<string, number[]>();
  for (const { text, at } of shown) byText.set(text, [...(byText.get(text) ?? []), at]);
  const ms: number[] = [];
  let superseded = 0;
  for (const change of changes) {
    const at = byText.get(shownAmount(change.balance))?.find((time) => time >= change.at);
    if (at === undefined) superseded += 1;
    else ms.push(at - change.at);
  }
  const held = new Set([initial, ...changes.map((change) => shownAmount(change.balance))]);
  const wrong = shown.filter(({ text }) => text !== '' && !held.has(text)).length;
  writeFileSync(OUT, JSON.stringify({ ms, superseded, wrong, wallS: (Date.now() - started) / 1000 }));
  expect(ms.length).toBeGreaterThan(0);
});
