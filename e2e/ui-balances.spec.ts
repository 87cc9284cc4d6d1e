// Issue 5, point 1: one line per balance with the name users know, the amount exactly as Kraken sent it,
// its value and share, grouped under the base asset; per account and all accounts combined.
import type { Page } from '@playwright/test';
import Big from 'big.js';
import { DEFAULT_BALANCES } from './fake-kraken/index.ts';
import { expect, test } from './helpers/accounts.ts';
import { addKeyThroughForm, addMainKey, balancesNow, KEYS, lineNames, shownAmount, usd } from './ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

const spokenUsd = (value: string) => `${usd(value).slice(1)} US dollars`;

/** A 24 h change as a line reads it: signed with two decimals, 0.00% only for no change at all. */
function spokenChange(percent: string): string {
  const value = new Big(percent);
  if (value.eq(0)) return '0.00%';
  const fixed = value.abs().toFixed(2, Big.roundHalfEven);
  return `${value.gt(0) ? '+' : '-'}${fixed === '0.00' ? '<0.01' : fixed}%`;
}

/** The rows main sends once the live ticker has given them their 24 h change (the fake's stream always does). */
async function portfolioRows(page: Page) {
  await expect.poll(async () => (await balancesNow(page))[0]?.portfolio?.rows.find((row) => row.asset === 'XXBT')?.change24hPct ?? null, { timeout: 15_000 }).not.toBeNull();
  const [first] = await balancesNow(page);
  const rows = first?.portfolio?.rows ?? [];
  return (asset: string) => {
    const row = rows.find((candidate) => candidate.asset === asset);
    if (!row?.value || !row.share) throw new Error(`main has no priced ${asset}`);
    const change = row.change24hPct === null ? '' : `, ${spokenChange(row.change24hPct)} in 24 hours`;
    return { ...row, value: row.value, share: row.share, spokenChange: change, spokenPrice: `price ${usd(row.price ?? '0')}${change}` };
  };
}

test('each balance is one line: known name, exact amount, value and share, grouped under its base asset', async ({ page, fakeKraken }) => {
  fakeKraken.setBalances({ ...DEFAULT_BALANCES, 'USDT.F': '250.00001000' }, KEYS.main.apiKey);
  await addMainKey(page);
  const row = await portfolioRows(page);

  const btc = page.getByRole('row', { name: `BTC, 1,011.19088779 BTC, ${row('XXBT').spokenPrice}, ${spokenUsd(row('XXBT').value)}` });
  await expect(btc.locator('.asset-name')).toHaveText('BTC');
  await expect(btc.locator('.asset-code')).toHaveText('XXBT');
  await expect(btc.locator('.amount-text')).toHaveText('1,011.19088779');
  await expect(btc.locator('.price-text')).toHaveText(usd(row('XXBT').price ?? ''));
  await expect(btc.getByRole('cell').nth(3)).toHaveText(usd(row('XXBT').value));
  await expect(btc.getByRole('cell').nth(4)).toHaveText(`${new Big(row('XXBT').share).times(100).toFixed(2, Big.roundHalfEven)}%`);

  const names = await lineNames(page);
  expect(names).toContain(`Staked ETH, read-only, 198.39708 ETH, ${row('ETH2.S').spokenPrice}, ${spokenUsd(row('ETH2.S').value)}`);
  expect(names).toContain(`USDT in Kraken Rewards, read-only, 250.00001 USDT, ${row('USDT.F').spokenPrice}, ${spokenUsd(row('USDT.F').value)}`);
  // A price under $1 keeps its digits (0.9999, not 1.00).
  expect(names).toContain(`DAI, 9,999.9999999999 DAI, price $0.9999${row('DAI').spokenChange}, ${spokenUsd(row('DAI').value)}`);

  const order = await page.locator('[data-line]').evaluateAll((lines) => lines.map((line) => line.getAttribute('data-line')));
  const at = (key: string) => order.indexOf(key);
  // Tradable first, then the read-only ones by value: ETH2.S, then ETH2 (staked ETH without a suffix).
  expect(order.slice(at('group:ETH'), at('group:ETH') + 4)).toEqual(['group:ETH', 'row:XETH', 'row:ETH2.S', 'row:ETH2']);
  expect(order.slice(at('group:USD'), at('group:USD') + 3)).toEqual(['group:USD', 'row:ZUSD', 'row:USD.M']);
  expect(order.slice(at('group:USDT'), at('group:USDT') + 3)).toEqual(['group:USDT', 'row:USDT', 'row:USDT.F']);
  const sum = (field: 'amount' | 'value') => ['XETH', 'ETH2', 'ETH2.S'].reduce((total, asset) => total.plus(row(asset)[field]), new Big(0)).toFixed();
  await expect(page.locator('[data-line="group:ETH"]')).toHaveAttribute('aria-label', `ETH, all 3 balances, ${shownAmount(sum('amount'))} ETH, ${row('XETH').spokenPrice}, ${spokenUsd(sum('value'))}`);
});

// One window for both (a launch costs seconds of every CI run); each step is what was a test of its own. The
// second key's balances are set before it is added, as before.
test('on one account, then two: the full amount on hover and in the clipboard, and all accounts combined', async ({ page, fakeKraken }) => {
  await addMainKey(page);

  await test.step('the full amount shows on hover and is what gets copied', async () => {
    const staked = page.locator('[data-line="row:ETH2.S"]');
    // The exact amount first, then (issue 13, point 11) what is available and what open orders hold.
    await expect(staked.locator('.cell-amount')).toHaveAttribute('title', '198.3970800000 ETH\nAvailable: 198.39708 ETH\nHeld in open orders: 0 ETH');

    await page.evaluate(() => {
      const copied: string[] = [];
      Object.defineProperty(window, '__copied', { value: copied });
      // Registered after the app's own listener, so it sees what the app put on the clipboard.
      window.addEventListener('copy', (event) => copied.push(event.clipboardData?.getData('text/plain') ?? ''));
    });
    await staked.focus();
    await page.keyboard.press('ControlOrMeta+c');
    await expect(page.getByText('Copied 198.3970800000 ETH')).toBeAttached();

    await staked.hover();
    await staked.getByRole('button', { name: 'Copy the exact amount of ETH' }).click();

    const usdM = page.locator('[data-line="row:USD.M"] .amount-text');
    await usdM.selectText();
    await page.keyboard.press('ControlOrMeta+c');
    expect(await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied)).toEqual(['198.3970800000', '198.3970800000', '1213029.2780']);
  });

  await test.step('all accounts combined: exact sums per asset, one total, and a tab per account', async () => {
    fakeKraken.setBalances({ XXBT: '0.5000000000', 'ETH2.S': '1.6029200000', DOT: '10' }, KEYS.second.apiKey);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add an API key…' }).click();
    await expect(page.getByRole('dialog', { name: 'Add a Kraken account' })).toBeVisible();
    await addKeyThroughForm(page, { label: 'Savings', ...KEYS.second });
    await expect(page.getByRole('tab', { name: 'Savings' })).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 });
    await expect(page.getByRole('table', { name: 'Balances of Savings in USD' })).toBeVisible();
    await expect.poll(async () => (await balancesNow(page)).every((entry) => entry.status === 'fresh')).toBe(true);

    await page.getByRole('tab', { name: 'All accounts' }).click();
    await expect(page.getByRole('table', { name: 'Balances of All accounts in USD' })).toBeVisible();
    const all = await balancesNow(page);
    const total = all.reduce((sum, entry) => sum.plus(entry.portfolio?.total ?? '0'), new Big(0)).toFixed();
    await expect(page.getByTestId('portfolio-total')).toHaveText(usd(total));
    const names = await lineNames(page);
    expect(names.find((name) => name.startsWith('Staked ETH'))).toMatch(/^Staked ETH, read-only, 200 ETH, /);
    expect(names.find((name) => name.startsWith('BTC'))).toMatch(/^BTC, 1,011\.69088779 BTC, /);
    expect(names.find((name) => name.startsWith('DOT'))).toMatch(/^DOT, 12\.5 DOT, /);
    await expect(page.getByRole('tab')).toHaveText(['All accounts', 'Main', 'Savings']);
  });
});
