// Shared steps for the UI specs (e2e/ui-*.spec.ts): they drive the window as a user would, and read what
// main holds through the bridge only to compute the texts the window must show.
import type { Page } from '@playwright/test';
import Big from 'big.js';
import type { AccountBalances, HistoryPoint, HistoryRequest, HistorySeries, KrakenBridge } from '../ipc/contract.ts';
import { expect, KEYS, valueOf } from './helpers/accounts.ts';
import type { AppHandle } from './runtime/launch.ts';

export { KEYS, valueOf };

const Exact = Big();
Exact.strict = true;

type Bridge = KrakenBridge;

/** What main holds right now, through the same bridge the UI uses. */
export async function balancesNow(page: Page): Promise<AccountBalances[]> {
  return valueOf(await page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.balances.get()));
}

export async function historyNow(page: Page, accountId?: string): Promise<HistoryPoint[]> {
  return (await historySeriesNow(page, accountId === undefined ? {} : { accountId })).points;
}

/** The whole history answer (quote, other quotes, joins …) for a request, as the window gets it. */
export async function historySeriesNow(page: Page, request: HistoryRequest = {}): Promise<HistorySeries> {
  return valueOf(await page.evaluate((r) => (window as unknown as { kraken: Bridge }).kraken.history.get(r), request));
}

/** en-US money as the window writes it: halves to even, grouped, with the dollar sign. */
export function usd(value: string): string {
  const fixed = new Exact(value).toFixed(2, Exact.roundHalfEven);
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}$${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** The amount as the window shows it: trailing zeros trimmed, grouped, every digit kept. */
export function shownAmount(amount: string): string {
  const trimmed = amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
  const [integer = '0', fraction] = trimmed.split('.');
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

/**
 * Fills the add-key form and submits it. Weak protection is main's native question (answered by the spec, or
 * consented before the launch: the weakConsentGiven fixture); `waitForTable` waits for the balances to show.
 */
export async function addKeyThroughForm(page: Page, fields: { label?: string; apiKey: string; apiSecret: string; otp?: string }, waitForTable = true): Promise<void> {
  if (fields.label !== undefined) await page.getByLabel('Name').fill(fields.label);
  await page.getByLabel('API key', { exact: true }).fill(fields.apiKey);
  await page.getByLabel('Private key').fill(fields.apiSecret);
  if (fields.otp !== undefined) await page.getByLabel('2FA password (optional)').fill(fields.otp);
  await page.getByRole('button', { name: 'Add account' }).click();
  if (waitForTable) await expect(page.getByRole('table')).toBeVisible({ timeout: 20_000 });
}

/** Adds the fake Kraken's main key through the first-run form and waits for its balances on screen. */
export async function addMainKey(page: Page, label = 'Main'): Promise<void> {
  await addKeyThroughForm(page, { label, ...KEYS.main });
  await expect(page.getByRole('table', { name: `Balances of ${label} in USD` })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('refresh-status')).toHaveText('Up to date', { timeout: 20_000 });
}

export async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the demo account' }).click();
  await expect(page.getByRole('table', { name: 'Balances of Demo account in USD' })).toBeVisible();
  await expect(page.getByTestId('refresh-status')).toHaveText('Up to date');
}

/** The accessible names of the table's lines, top to bottom (header row excluded). */
export async function lineNames(page: Page): Promise<string[]> {
  return page.getByRole('table').locator('[role="row"][data-line]').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

/**
 * Gives the window this content size (BrowserWindow.setContentSize, on Electron and the test runtime
 * alike) and waits until the page has it.
 */
export async function resizeWindow(app: AppHandle, page: Page, width: number, height: number): Promise<void> {
  await app.evaluate(async ({ BrowserWindow }, size) => {
    await BrowserWindow.getAllWindows()[0]?.setContentSize(size.width, size.height);
  }, { width, height });
  await expect.poll(() => page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([width, height]);
}
