// Issue 10, point 11: figures from a real start. Cold start → balances painted, and the memory of every app
// process (app.getAppMetrics) after idling hidden to the tray. On real Electron the idle is the full 60 s and
// the GitHub workflow runs this spec in a job of its own (beside the main test job, so it adds no minute to
// it) and uploads metrics.json. On the test runtime the figures are the runtime's (a Node main process and
// Debian's Chromium), labelled so, after a short idle: they check the measurement, not Electron.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ProcessMetric } from 'electron';
import type { KrakenBridge } from '../ipc/contract.ts';
import { addAccount, appReady, expect, KEYS, test, valueOf } from './helpers/accounts.ts';
import { keepInTrayWhenAsked } from './helpers/desktop-records.ts';

test.use({ keyring: 'gnome_libsecret' });

const METRICS_FILE = process.env['E2E_METRICS_FILE'] ?? path.join('test-results', 'metrics.json');

/** Seconds to idle hidden: the issue's 60 on real Electron; 5 on the test runtime unless E2E_METRICS_IDLE_S says. */
function idleSeconds(runtime: string): number {
  const forced = Number(process.env['E2E_METRICS_IDLE_S']);
  if (Number.isFinite(forced) && forced > 0) return forced;
  return runtime === 'electron' ? 60 : 5;
}

const balanceRows = (page: Page) => page.getByRole('table', { name: 'Balances of Main in USD' }).getByRole('row');

test('cold start to balances painted, and memory after idling hidden to the tray', async ({ app: setup, page, launch }, testInfo) => {
  test.skip(process.env['E2E_METRICS_IN_OWN_JOB'] === '1', 'measured in the workflow\'s metrics job, on a quiet runner');
  const idle = idleSeconds(setup.runtime);
  test.setTimeout(testInfo.timeout + idle * 1000);
  // A saved account first, so the measured start has balances to paint; then a cold start of a new process.
  const account = valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
  await expect.poll(async () => valueOf(await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.balances.get()))
    .find((balances) => balances.accountId === account.id)?.status).toBe('fresh');
  await setup.close();

  const started = performance.now();
  const app = await launch();
  const window = await appReady(await app.firstWindow());
  await expect(balanceRows(window).nth(1)).toBeVisible({ timeout: 30_000 });
  // Painted: two animation frames after the rows are in the DOM.
  const rendererMs = await window.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
  const coldStartMs = Math.round(performance.now() - started);

  await keepInTrayWhenAsked(app); // the first hide asks on Linux
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close()); // close-to-tray is on by default
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([false]);
  await new Promise((resolve) => setTimeout(resolve, idle * 1000));
  const processes = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics());
  const electronVersion = await app.evaluate(() => process.versions['electron'] ?? null);

  const report = metricsReport({ runtime: app.runtime, electronVersion, coldStartMs, rendererMs, idle, processes });
  mkdirSync(path.dirname(METRICS_FILE), { recursive: true });
  writeFileSync(METRICS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  await testInfo.attach('metrics.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
  console.info(`${report.label}\n  cold start → balances painted: ${coldStartMs} ms (renderer: ${report.rendererNavigationToPaintMs} ms)\n` +
    `  memory after ${idle} s hidden to the tray: ${Math.round(report.memoryKB.total / 1024)} MiB in ${processes.length} processes ` +
    `(${Object.entries(report.memoryKB.byType).map(([type, kb]) => `${type} ${Math.round(kb / 1024)} MiB`).join(', ')})\n  written to ${METRICS_FILE}`);

  expect(coldStartMs).toBeGreaterThan(0);
  expect(report.memoryKB.total).toBeGreaterThan(10_000);
  expect(processes.some((metric) => metric.type === 'Browser')).toBe(true);
});

interface Measured {
  runtime: string;
  electronVersion: string | null;
  coldStartMs: number;
  rendererMs: number;
  idle: number;
  processes: ProcessMetric[];
}

function metricsReport({ runtime, electronVersion, coldStartMs, rendererMs, idle, processes }: Measured) {
  const byType: Record<string, number> = {};
  for (const metric of processes) byType[metric.type] = (byType[metric.type] ?? 0) + metric.memory.workingSetSize;
  return {
    runtime,
    label: runtime === 'electron'
      ? `real Electron ${electronVersion} on ${process.platform}`
      : `TEST RUNTIME figures (Node main process + Debian Chromium), not Electron's; idle shortened to ${idle} s`,
    electronVersion,
    platform: process.platform,
    coldStartToBalancesPaintedMs: coldStartMs,
    rendererNavigationToPaintMs: Math.round(rendererMs),
    idleHiddenToTraySeconds: idle,
    memoryKB: { total: Object.values(byType).reduce((sum, kb) => sum + kb, 0), byType },
    processes: processes.map((metric) => ({ pid: metric.pid, type: metric.type, name: metric.name ?? null, workingSetKB: metric.memory.workingSetSize })),
  };
}
