// Issue 5, point 2: read-only extension balances (.S .M .B .F .T) carry a badge naming the extension and
// a tooltip saying what they are and that they are read-only; a filter shows only tradable or read-only.
import { DEFAULT_BALANCES } from './fake-kraken/index.ts';
import { expect, test } from './helpers/accounts.ts';
import { addMainKey, KEYS, lineNames } from './ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

const READ_ONLY = {
  'ETH2.S': ['Staked', 'ETH2.S is ETH staked (legacy staking). This balance is read-only: to trade or withdraw, use ETH.'],
  // Staked ETH without a suffix: read-only all the same.
  ETH2: ['Staked', 'ETH2 is ETH staked (legacy staking). This balance is read-only: to trade or withdraw, use ETH.'],
  'AAPLx.T': ['Tokenized', 'AAPLx.T is AAPLx held as a tokenized asset. This balance is read-only: to trade or withdraw, use AAPLx.'],
  'USD.M': ['Opt-in rewards', 'USD.M is USD in opt-in rewards (legacy). This balance is read-only: to trade or withdraw, use USD.'],
  'USDT.F': ['Kraken Rewards', 'USDT.F is USDT earning automatically in Kraken Rewards. This balance is read-only: to trade or withdraw, use USDT.'],
  'DOT28.S': ['Staked', 'DOT28.S is DOT staked (legacy staking). It takes 28 days to unbond. This balance is read-only: to trade or withdraw, use DOT.'],
  'XBT.M': ['Opt-in rewards', 'XBT.M is BTC in opt-in rewards (legacy). This balance is read-only: to trade or withdraw, use BTC.'],
} as const;

test('read-only balances carry a badge and a tooltip for mouse and keyboard', async ({ page, fakeKraken }) => {
  fakeKraken.setBalances({ ...DEFAULT_BALANCES, 'USDT.F': '250', 'DOT28.S': '40.5', 'XBT.M': '0.01', 'AAPLx.T': '3' }, KEYS.main.apiKey);
  // No Earn allocations: the tooltips here are the badges' own (the Earn details are ui-market-funds-earn's).
  fakeKraken.setEarn({ converted_asset: 'USD', total_allocated: '0', total_rewarded: '0', items: [] }, KEYS.main.apiKey);
  await addMainKey(page);

  for (const [asset, [badge, explanation]] of Object.entries(READ_ONLY)) {
    const line = page.locator(`[data-line="row:${asset}"]`);
    await expect(line.locator('.badge')).toHaveText(badge);
    await expect(line).toHaveAccessibleDescription(explanation);
    await expect(line).toHaveAttribute('aria-label', /, read-only, /);
  }
  for (const plain of ['XXBT', 'XETH', 'ZUSD', 'DOT']) {
    await expect(page.locator(`[data-line="row:${plain}"] .badge`)).toHaveCount(0);
    await expect(page.locator(`[data-line="row:${plain}"]`)).not.toHaveAttribute('aria-label', /read-only/);
  }

  const staked = page.locator('[data-line="row:ETH2.S"]');
  const tooltip = staked.getByRole('tooltip');
  await expect(tooltip).toBeHidden();
  await staked.locator('.badge').hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText(READ_ONLY['ETH2.S'][1]);
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  // Keyboard: focusing the line shows its tooltip too.
  await page.locator('[data-line]').first().focus();
  await expect(page.locator('[data-line]').first()).toBeFocused();
  for (let i = 0; i < 20 && !(await staked.evaluate((line) => line === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
  await expect(staked).toBeFocused();
  await expect(tooltip).toBeVisible();
});

test('the filter shows only read-only or only tradable balances', async ({ page, fakeKraken }) => {
  fakeKraken.setBalances({ ...DEFAULT_BALANCES, 'USDT.F': '250' }, KEYS.main.apiKey);
  await addMainKey(page);
  const filter = page.getByRole('group', { name: 'Show balances' });

  await filter.getByLabel('Read-only').check();
  const readOnly = await lineNames(page);
  // ETH2.S and ETH2 (staked ETH without a suffix) under their ETH heading.
  expect(readOnly.map((name) => name.split(',')[0])).toEqual(['USD in opt-in rewards', 'ETH', 'Staked ETH', 'Staked ETH', 'USDT in Kraken Rewards']);
  await expect(page.getByText('4 of 11 balances')).toBeVisible();

  await filter.getByLabel('Tradable').check();
  const tradable = await lineNames(page);
  expect(tradable.some((name) => name.includes('read-only'))).toBe(false);
  await expect(page.getByText('7 of 11 balances')).toBeVisible();
  expect(tradable.filter((name) => !name.includes(', all '))).toHaveLength(7);

  await filter.getByLabel('All').check();
  await expect(page.getByText('11 balances', { exact: true })).toBeVisible();
});
