import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AccountBalances, KrakenBridge } from '../ipc/contract.ts';
import { DEFAULT_BALANCES } from './fake-kraken/index.ts';
import { addAccount, expect, KEYS, secretForms, test, valueOf } from './helpers/accounts.ts';
import { clickAppMenu } from './helpers/app-menu.ts';

// Issue 15, point 4: Help → Copy Diagnostics and the log file in the data folder (logs/main.log), after a
// session that gives them every chance to leak: a key added and used, balances valued, and Kraken answers
// that echo the secret and amounts back, cut off mid-number, or come as an HTML error page.

test.use({ keyring: 'gnome_libsecret' });

const LABEL = 'Retirement savings';
/** The key's 2FA password: Kraken receives it with every call; the Kraken client itself only hides the secret from its errors. */
const OTP = 'correct horse battery';

const bridge = (page: Page) => ({
  balances: async (): Promise<AccountBalances[]> => valueOf(await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.balances.get())),
  refresh: (): Promise<unknown> => page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.balances.refresh()),
});

/** Everything that identifies the user's key or money: key, secret (in every spelling), 2FA password, label, amounts, prices, values. */
function privateTexts(balances: AccountBalances[]): string[] {
  const rows = balances.flatMap((entry) => entry.portfolio?.rows ?? []);
  const amounts = [
    ...Object.values(DEFAULT_BALANCES),
    ...rows.flatMap((row) => [row.amount, row.price, row.value]),
    ...balances.map((entry) => entry.portfolio?.total),
  ].filter((text): text is string => typeof text === 'string' && /\d\.\d/.test(text));
  // "171288.6158" also as Kraken's or a formatter's shorter forms ("171288.61", "171288.6").
  const shortened = amounts.flatMap((amount) => [amount.replace(/0+$/, ''), amount.slice(0, amount.indexOf('.') + 3)]);
  return [KEYS.main.apiKey, ...secretForms(KEYS.main.apiSecret), OTP, LABEL, ...amounts, ...shortened.filter((text) => /\.\d/.test(text))];
}

const leaks = (text: string, secrets: string[]): string[] => secrets.filter((secret) => text.includes(secret));

test('Copy Diagnostics and the log file say what helps to find a problem, and never a key, secret, label or amount', async ({ app, page, fakeKraken }, testInfo) => {
  const account = valueOf(await addAccount(page, { label: LABEL, apiKey: KEYS.main.apiKey, apiSecret: KEYS.main.apiSecret, otp: OTP }));
  await expect.poll(async () => (await bridge(page).balances())[0]?.status).toBe('fresh');
  const valued = await bridge(page).balances();

  // Kraken misbehaves: its error text echoes the secret, the 2FA password and an amount, a body is cut off mid-amount, a proxy answers with HTML.
  const echo = `EGeneral:Internal error: ${KEYS.main.apiSecret} ${OTP} balance ${DEFAULT_BALANCES.ZUSD ?? ''}`;
  fakeKraken.injectFault({ type: 'html', status: 502 }, { path: '/0/private/Balance' });
  await bridge(page).refresh();
  fakeKraken.injectFault({ type: 'raw', status: 500, body: JSON.stringify({ error: [echo], result: DEFAULT_BALANCES }) }, { path: '/0/private/Balance' });
  await bridge(page).refresh();
  fakeKraken.injectFault({ type: 'malformed-json' }, { path: '/0/private/Balance', always: true });
  await bridge(page).refresh();
  await expect.poll(async () => (await bridge(page).balances())[0]?.error?.code).toBeTruthy();

  await clickAppMenu(app, ['Help', 'Copy Diagnostics']);
  await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toContain('diagnostics');
  const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  expect(copied).toContain(`App: ${version} (development build)`);
  expect(copied).toMatch(/^Electron \S+, Chromium \S+, Node \d+\.\d+\.\d+$/m);
  expect(copied).toMatch(new RegExp(`^OS: ${process.platform} \\S+ \\(${process.arch}\\), locale en-US$`, 'm'));
  expect(copied).toMatch(/^Key protection: \w+ \(gnome_libsecret\)$/m);
  expect(copied).toMatch(/^Accounts: 1, refresh every \d+ s$/m);
  expect(copied).toMatch(/^ {2}1\. key, polling, (error|stale), last good refresh \d+ s ago, error [\w-]+$/m);
  expect(copied).toContain('Updates: not in this build');
  expect(copied).toMatch(new RegExp(`^ {2}\\S+Z warn refresh of account ${account.id} failed: internal-error \\(HTTP 500; EGeneral:Internal error: \\[redacted\\] \\[redacted\\] balance \\[number\\]\\)$`, 'm'));
  const secrets = privateTexts(valued);
  expect(leaks(copied, secrets)).toEqual([]);

  // The log file: in the data folder, the session's events in it, and none of the above.
  const logsDir = path.join(testInfo.outputPath('user-data'), 'logs');
  expect(readdirSync(logsDir)).toEqual(['main.log']);
  const logged = readFileSync(path.join(logsDir, 'main.log'), 'utf8');
  expect(logged).toMatch(/^\S+Z INFO {2}started Kraken Balances /m);
  expect(logged.match(new RegExp(`WARN {2}refresh of account ${account.id} failed`, 'g'))?.length).toBeGreaterThanOrEqual(2);
  // Kraken's own error text is logged (support asks for it first), with the secret, password and amount it echoed blanked.
  expect(logged).toContain(`refresh of account ${account.id} failed: internal-error (HTTP 500; EGeneral:Internal error: [redacted] [redacted] balance [number])`);
  expect(leaks(logged, secrets)).toEqual([]);
});
