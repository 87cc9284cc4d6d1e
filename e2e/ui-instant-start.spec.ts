// Issue 13, point 14: instant start. At launch every account shows its last known balances from history
// at once, marked "from <time>, refreshing…", before Kraken has answered; an offline launch keeps them on
// screen, marked stale.
import { expect, test } from './helpers/accounts.ts';
import { addMainKey, balancesNow, usd } from './ui-helpers.ts';
import { appReady } from './fixtures.ts';

// Each test launches the app twice: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

test('the last known balances show at once at launch, marked "from <time>, refreshing…", before Kraken answers', async ({ app, page, launch, fakeKraken }) => {
  await addMainKey(page);
  const total = usd((await balancesNow(page))[0]?.portfolio?.total ?? '');
  await app.close();

  // Kraken holds every Balance and BalanceEx answer until the checks are done: the window has the balances
  // before any answer.
  fakeKraken.injectFault({ type: 'hold' }, { path: '/0/private/Balance', always: true });
  const balanceCalls = () => fakeKraken.calls.filter((call) => call.path === '/0/private/BalanceEx').length;
  const callsBefore = balanceCalls();
  const second = await appReady(await (await launch()).firstWindow());
  await expect(second.getByTestId('stale-note')).toHaveText(/^From \d{1,2}:\d{2}:\d{2} [AP]M, refreshing…$/, { timeout: 10_000 });
  await expect(second.getByRole('table')).toHaveClass(/is-stale/);
  await expect(second.getByTestId('portfolio-total')).toHaveText(total);
  // What the window was given: history's record, while Kraken has not answered.
  expect((await balancesNow(second))[0]).toMatchObject({ status: 'refreshing', fromHistory: true, stale: true });
  await expect(second.locator('[data-line="row:XXBT"]')).toBeVisible();
  // Shown before any answer: the refresh's delayed BalanceEx call (the fake records a call when it answers) is still out.
  expect(balanceCalls()).toBe(callsBefore);
  await expect(second.getByTestId('refresh-status')).toHaveText('Refreshing…');
  fakeKraken.clearFaults();
  fakeKraken.releaseHeld();
  await expect(second.getByTestId('refresh-status')).toHaveText('Up to date', { timeout: 40_000 });
  await expect(second.getByTestId('stale-note')).toHaveCount(0);
  await expect(second.getByRole('table')).not.toHaveClass(/is-stale/);
});

test('offline at launch: the last known balances stay on screen, marked stale, with the problem', async ({ app, page, launch, fakeKraken }) => {
  await addMainKey(page);
  const total = usd((await balancesNow(page))[0]?.portfolio?.total ?? '');
  await app.close();

  fakeKraken.injectFault({ type: 'reset' }, { path: '/0/private/Balance', always: true });
  const second = await appReady(await (await launch()).firstWindow());
  await expect(second.getByTestId('refresh-status')).toHaveText('Temporary problem', { timeout: 30_000 });
  await expect(second.getByTestId('portfolio-total')).toHaveText(total);
  await expect(second.getByTestId('stale-note')).toHaveText(/^From \d{1,2}:\d{2}:\d{2} [AP]M: the last balances this app saw\. Kraken has not answered since\.$/);
  await expect(second.getByRole('alert')).toContainText('Could not reach Kraken.');
  await expect(second.getByRole('table')).toHaveClass(/is-stale/);
});
