// Issue 13, point 15: export to CSV through a native save dialog in main: the balances with exact amounts,
// prices, values, quote and time; history per snapshot per asset; privacy mode asks first; the file is
// safe to open in a spreadsheet.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BALANCES } from './fake-kraken/index.ts';
import { expect, test } from './helpers/accounts.ts';
import { answerNativeDialogs } from './helpers/native-dialogs.ts';
import { addMainKey, balancesNow, historyNow, KEYS } from './ui-helpers.ts';

// One history point per refresh: no live streams, whose pushes would add points between the ones counted.
test.use({ keyring: 'gnome_libsecret', liveStreams: false });

const HOSTILE_LABEL = '=HYPERLINK("http://evil.example","Main")';

test('balances export to the file picked in the save dialog: exact, with prices, values, quote and time, and spreadsheet-safe', async ({ app, page }) => {
  await addMainKey(page, HOSTILE_LABEL);
  const picked = test.info().outputPath('export', 'my-balances');
  mkdirSync(path.dirname(picked), { recursive: true });
  const shown = await answerNativeDialogs(app, { savePath: picked });
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'Balances as CSV…' }).click();
  const [balances] = await balancesNow(page);
  const rows = balances?.portfolio?.rows ?? [];
  await expect(page.getByTestId('export-status')).toHaveText(`Saved ${rows.length} balances to my-balances.csv.`);

  const dialogs = await shown();
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toMatchObject({ kind: 'save', window: expect.any(Number), options: { title: 'Export to CSV', defaultPath: expect.stringMatching(/kraken-balances-\d{4}-\d\d-\d\d-\d{4}\.csv$/) } });
  // Linux's chooser returns the name as typed: the app adds the extension.
  const lines = readFileSync(`${picked}.csv`, 'utf8').split('\r\n');
  expect(lines[0]).toBe('account,asset,base,read_only,amount,price,value,quote,time');
  const label = `"'${HOSTILE_LABEL.replaceAll('"', '""')}"`;
  expect(lines.slice(1, -1)).toEqual(rows.map((row) => [label, row.asset, row.base, row.readOnly ? 'yes' : 'no', row.amount, row.price ?? '', row.value ?? '', 'USD', balances?.fetchedAt].join(',')));
  expect(lines).toContain(`${label},XXBT,BTC,no,${DEFAULT_BALANCES['XXBT']},97250.1,${rows.find((row) => row.asset === 'XXBT')?.value},USD,${balances?.fetchedAt}`);
});

// One window for both (a launch costs seconds of every CI run); each step is what was a test of its own. The
// privacy step reads every dialog main showed, so it comes first, and turns privacy mode off again after.
test('the question privacy mode asks before an export, then the history export', async ({ app, page, fakeKraken }) => {
  await addMainKey(page);

  await test.step('in privacy mode the export asks first; Cancel writes nothing, Export goes on to the save dialog', async () => {
    await page.evaluate(() => (window as unknown as { kraken: import('../ipc/contract.ts').KrakenBridge }).kraken.settings.update({ privacyMode: true }));
    const picked = test.info().outputPath('private.csv');
    let shown = await answerNativeDialogs(app, { savePath: picked, messageBoxResponse: 1 });
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('button', { name: 'Balances as CSV…' }).click();
    await expect(page.getByTestId('export-status')).toHaveText('Nothing was exported.');
    expect(await shown()).toEqual([
      expect.objectContaining({ kind: 'message-box', options: expect.objectContaining({ message: 'Export your balances while privacy mode is on?', buttons: ['Export', 'Cancel'], cancelId: 1 }) }),
    ]);
    expect(existsSync(picked)).toBe(false);

    shown = await answerNativeDialogs(app, { savePath: picked, messageBoxResponse: 0 });
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('button', { name: 'Balances as CSV…' }).click();
    await expect(page.getByTestId('export-status')).toHaveText(/^Saved \d+ balances to private\.csv\.$/);
    expect((await shown()).map((dialog) => dialog.kind)).toEqual(['message-box', 'message-box', 'save']);
    expect(readFileSync(picked, 'utf8')).toContain(`,XXBT,BTC,no,${DEFAULT_BALANCES['XXBT']},`);
    await page.evaluate(() => (window as unknown as { kraken: import('../ipc/contract.ts').KrakenBridge }).kraken.settings.update({ privacyMode: false }));
  });

  await test.step('history exports one line per snapshot per asset, with the price each was valued at', async () => {
    fakeKraken.setBalances({ ...DEFAULT_BALANCES, DOT: '3.5000000000' }, KEYS.main.apiKey);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(async () => (await historyNow(page)).length).toBeGreaterThanOrEqual(2);
    const picked = test.info().outputPath('history.csv');
    await answerNativeDialogs(app, { savePath: picked });
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('button', { name: 'History as CSV…' }).click();
    await expect(page.getByTestId('export-status')).toHaveText(/^Saved \d+ history lines to history\.csv\.$/);
    const lines = readFileSync(picked, 'utf8').split('\r\n').slice(1, -1);
    const points = await historyNow(page);
    const codes = Object.keys(DEFAULT_BALANCES).length;
    expect(lines.length).toBe(points.length * codes);
    const dots = lines.filter((line) => line.split(',')[2] === 'DOT').map((line) => line.split(','));
    expect(dots.map((cells) => cells[3])).toEqual([DEFAULT_BALANCES['DOT'], ...Array.from({ length: points.length - 1 }, () => '3.5000000000')]);
    // amount × price, exact, and the account's total beside it.
    expect(dots.at(-1)?.slice(3, 8)).toEqual(['3.5000000000', '7.1234', '24.9319', 'USD', points.at(-1)?.total]);
    const unknown = await page.evaluate(() => (window as unknown as { kraken: import('../ipc/contract.ts').KrakenBridge }).kraken.export.csv({ kind: 'history', accountId: 'nope' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-account' } });
  });
});
