// Issue 13, point 7: refresh problems say what they are. A lockout names its end in local time with a
// countdown and Refresh is disabled with the reason; problems that pass by themselves look different from
// key problems; the stale marker stays while a retry runs; an unreadable answer is said in plain words with
// Kraken's status page; a Ticker failure keeps the balances, unpriced, instead of failing the refresh.
import type { Page } from '@playwright/test';
import type { KrakenBridge } from '../ipc/contract.ts';
import { expect, test } from './helpers/accounts.ts';
import { addMainKey, balancesNow, KEYS, usd, valueOf } from './ui-helpers.ts';

const ISO_STAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

// Several refreshes against a fake that answers late on purpose: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });
// REST's problems on their own: no private live streams (the app polls).
test.use({ liveStreams: false });

const setQuote = async (page: Page, quoteCurrency: 'USD' | 'GBP') =>
  valueOf(await page.evaluate((quote) => (window as unknown as { kraken: KrakenBridge }).kraken.settings.update({ quoteCurrency: quote }), quoteCurrency));

test('passing problems look calm and keep the balances marked; key problems look like errors', async ({ page, fakeKraken }) => {
  await addMainKey(page);
  const total = usd((await balancesNow(page))[0]?.portfolio?.total ?? '');
  const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
  const status = page.getByTestId('refresh-status');
  const alert = page.getByRole('alert');

  // Kraken down: a calm notice, the status page one click away, the last balances kept and marked.
  fakeKraken.injectFault({ type: 'html', status: 503 }, { path: '/0/private/Balance', times: 4 });
  await refresh.click();
  await expect(status).toHaveText('Temporary problem', { timeout: 20_000 });
  await expect(alert).toHaveAttribute('data-kind', 'transient');
  await expect(alert).toContainText('Kraken is busy or unavailable right now.');
  await expect(alert.getByRole('button', { name: /Kraken status page/ })).toBeVisible();
  await expect(page.getByTestId('stale-note')).toBeVisible();
  await expect(page.getByRole('table')).toHaveClass(/is-stale/);
  await expect(page.getByTestId('portfolio-total')).toHaveText(total);

  // The retry runs (slowly): the marker stays until it has succeeded.
  fakeKraken.clearFaults();
  fakeKraken.injectFault({ type: 'delay', ms: 2500 }, { path: '/0/private/Balance' });
  await refresh.click();
  await expect(status).toHaveText('Refreshing…');
  await expect(page.getByTestId('stale-note')).toBeVisible();
  await expect(page.getByRole('table')).toHaveClass(/is-stale/);
  await expect(status).toHaveText('Up to date', { timeout: 20_000 });
  await expect(page.getByTestId('stale-note')).toHaveCount(0);

  // Ticker answers garbage: the balances still arrive, unpriced, with the reason in plain words. (A new
  // quote currency asks for prices the client has not cached.) The public price stream is down too, or its
  // prices would stand in for the failed Ticker (it serves keys without the WebSocket permission as well).
  fakeKraken.injectStreamFault({ type: 'refuse-upgrade', endpoint: 'public' }, { always: true });
  fakeKraken.injectStreamFault({ type: 'drop', endpoint: 'public' });
  fakeKraken.injectFault({ type: 'malformed-json' }, { path: '/0/public/Ticker', always: true });
  await setQuote(page, 'GBP');
  await expect(alert).toContainText('Balances are up to date, but Kraken\'s prices could not be loaded', { timeout: 20_000 });
  await expect(alert).toContainText('cut off or garbled');
  await expect(alert).not.toContainText('JSON');
  await expect(page.locator('[data-line="row:XXBT"]')).toBeVisible();
  await expect(page.getByTestId('unpriced-note')).toBeVisible();
  fakeKraken.clearFaults();
  fakeKraken.clearStreamFaults();
  await setQuote(page, 'USD');
  await expect(status).toHaveText('Up to date', { timeout: 20_000 });
  await expect(page.getByTestId('portfolio-total')).toHaveText(total);

  // A key problem looks like an error and needs the user.
  fakeKraken.setPermissions(false, KEYS.main.apiKey);
  await refresh.click();
  await expect(status).toHaveText('Refresh failed', { timeout: 20_000 });
  await expect(alert).toHaveAttribute('data-kind', 'key');
  await expect(alert.getByRole('button', { name: /Kraken status page/ })).toHaveCount(0);
});

test('a lockout names its end in local time with a countdown, and Refresh waits for it, saying why', async ({ page, fakeKraken }) => {
  await addMainKey(page);
  fakeKraken.injectFault({ type: 'kraken-error', error: 'EGeneral:Temporary lockout' }, { path: '/0/private/Balance' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Kraken has temporarily locked this API key', { timeout: 20_000 });
  await expect(alert).toContainText(/Locked until \d{1,2}:\d{2}:\d{2} [AP]M · 1[45]:\d{2} left\./);
  const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
  await expect(refresh).toBeDisabled();
  await expect(refresh).toHaveAccessibleDescription(/^Refresh is paused until \d{1,2}:\d{2}:\d{2} [AP]M · 1[45]:\d{2} left: Kraken will not answer sooner\.$/);
  const before = await page.getByTestId('refresh-blocked').textContent();
  await expect.poll(() => page.getByTestId('refresh-blocked').textContent(), { timeout: 5_000 }).not.toBe(before);
  await expect(page.locator('main')).not.toContainText(ISO_STAMP);
  // The end shown is the lockout's end, in the window's own time zone.
  const retryAt = (await balancesNow(page))[0]?.error?.retryAt ?? '';
  const local = await page.evaluate((at) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(new Date(at)), retryAt);
  await expect(alert).toContainText(`Locked until ${local}`);
});
