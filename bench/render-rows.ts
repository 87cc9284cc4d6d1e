// Renders the balances view with 2,000 balances in headless Chromium and prints:
//  - first render: from the renderer's first line of JS (mark kraken:start) to the rows committed
//    (mark kraken:rows-rendered) and to the next frame, median of several cold page loads, production bundle;
//  - rows re-rendered when one balance changes, counted two ways:
//    React renders of table lines (a counter compiled only into a Vite 'bench' mode build of the same
//    sources, out/renderer-bench/; the production bundle has no counter), and table lines whose DOM changed
//    (MutationObserver on the production bundle; it cannot see renders that changed nothing, hence both).
// The page runs nothing of the bench's between navigation and the painted mark but the fake bridge and one
// small CDP evaluate that waits for the mark (render-rows-wait.ts).
// Run after a build:  npx electron-vite build && node bench/render-rows.ts [--rows 2000] [--loads 7] [--baseline DIR]
// --baseline DIR: a renderer built from another commit (DIR/index.html), loaded in turn with this one, so the
// two are compared like for like under the same load on the machine; prints its figures and the ratio.
// Every line has the price · 24 h column, the available/held note where open orders hold some, and every
// staked line an Earn note (render-rows-data.ts). Also prints the renderer's initial JS, gzipped.
// Targets: first render ≤ 100 ms on this machine, ≤ 5 rows re-rendered, initial JS ≤ 120 kB gzip. Printed, not asserted.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { rendererPlugins } from '../scripts/renderer-plugins.ts';
import { numberArg, stringArg } from './args.ts';
import { launchBenchChromium } from './render-rows-browser.ts';
import { installFakeBridge } from './render-rows-bridge.ts';
import { INITIAL_JS_BUDGET_BYTES, rendererInitialJs } from './renderer-initial-js.ts';
import { waitForPainted } from './render-rows-wait.ts';
import { benchData, withOneBalanceChanged, type BenchData } from './render-rows-data.ts';

const ROWS = Math.floor(numberArg('--rows', 2000));
const LOADS = Math.floor(numberArg('--loads', 7));

const root = path.resolve(import.meta.dirname, '..');
const productionHtml = path.join(root, 'out/renderer/index.html');
const baselineDir = stringArg('--baseline');
const baselineHtml = baselineDir === undefined ? undefined : path.resolve(baselineDir, 'index.html');
const benchOut = path.join(root, 'out/renderer-bench');

if (!existsSync(productionHtml)) {
  console.error(`${path.relative(root, productionHtml)} is missing: run \`npx electron-vite build\` first.`);
  process.exit(1);
}
if (baselineHtml !== undefined && !existsSync(baselineHtml)) {
  console.error(`--baseline: ${baselineHtml} is missing (build the other commit's renderer there first).`);
  process.exit(1);
}

/** The same renderer sources in Vite mode 'bench', where table lines count their renders. */
async function buildBenchBundle(): Promise<string> {
  await build({
    configFile: false,
    root: path.join(root, 'renderer'),
    base: './',
    mode: 'bench',
    logLevel: 'warn',
    plugins: rendererPlugins(),
    build: { outDir: benchOut, emptyOutDir: true, minify: true, reportCompressedSize: false },
  });
  return path.join(benchOut, 'index.html');
}

type Metrics = Record<string, number>;

/** Chromium's per-page counters; with thread ticks, ThreadTime is the renderer main thread's CPU time. */
async function readMetrics(devtools: CDPSession): Promise<Metrics> {
  const { metrics } = (await devtools.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

async function openApp(browser: Browser, html: string, data: BenchData): Promise<{ page: Page; cpu: Metrics }> {
  const page = await browser.newPage({ viewport: { width: 1120, height: 760 } });
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.addInitScript(installFakeBridge, data);
  const before = await readMetrics(devtools);
  await page.goto(pathToFileURL(html).href);
  await waitForPainted(devtools);
  const after = await readMetrics(devtools);
  await devtools.detach();
  const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return { page, cpu: { threadMs: delta('ThreadTime'), scriptMs: delta('ScriptDuration'), layoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration') } };
}

interface FirstRender {
  /** From the renderer's first line of JS to the commit that put the rows in the DOM. */
  committedMs: number;
  /** … to just after the frame that shows them. */
  paintedMs: number;
  /** Navigation start to that frame: includes loading and compiling the bundle. */
  sinceNavigationMs: number;
  /** CPU time of the renderer's main thread from navigation to that frame: what load on the machine cannot inflate. */
  cpuMs: number;
  scriptMs: number;
  layoutMs: number;
  linesInDom: number;
}

async function firstRender(browser: Browser, html: string, data: BenchData): Promise<FirstRender> {
  const { page, cpu } = await openApp(browser, html, data);
  const result = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
    const start = at('kraken:start');
    return {
      committedMs: at('kraken:rows-rendered') - start,
      paintedMs: at('bench:painted') - start,
      sinceNavigationMs: at('bench:painted'),
      linesInDom: doc.querySelectorAll('[data-line]').length,
    };
  });
  await page.close();
  return { ...result, cpuMs: cpu['threadMs'] ?? NaN, scriptMs: cpu['scriptMs'] ?? NaN, layoutMs: cpu['layoutMs'] ?? NaN };
}

/** Changes one visible balance and reports line renders (bench bundle) or DOM-changed lines (production bundle). */
async function afterOneChange(browser: Browser, html: string, data: BenchData, next: unknown): Promise<{ renders: number | null; mutatedLines: number; updateMs: number }> {
  const { page } = await openApp(browser, html, data);
  await page.evaluate(() => {
    const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): number }).requestAnimationFrame;
    return new Promise<void>((resolve) => frame(() => frame(resolve)));
  });
  const result = await page.evaluate(async (balances) => {
    const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): number }).requestAnimationFrame;
    type Node = { closest?(selector: string): { getAttribute(name: string): string | null } | null; parentElement?: Node | null };
    const scope = globalThis as unknown as {
      __krakenRowRenders?: number;
      __bench: { emitBalances(next: unknown): void };
      document: { querySelector(selector: string): unknown };
      MutationObserver: new (callback: (records: { target: Node }[]) => void) => { observe(target: unknown, options: object): void; disconnect(): void };
    };
    const mutated = new Set<string>();
    const observer = new scope.MutationObserver((records) => {
      for (const record of records) {
        const element = record.target.closest ? record.target : record.target.parentElement;
        const line = element?.closest?.('[data-line]')?.getAttribute('data-line');
        if (line) mutated.add(line);
      }
    });
    observer.observe(scope.document.querySelector('.table-body'), { subtree: true, childList: true, characterData: true, attributes: true });
    const before = scope.__krakenRowRenders;
    const start = performance.now();
    scope.__bench.emitBalances(balances);
    await new Promise<void>((resolve) => frame(() => frame(resolve)));
    const updateMs = performance.now() - start;
    observer.disconnect();
    return { renders: before === undefined ? null : (scope.__krakenRowRenders ?? 0) - before, mutatedLines: mutated.size, updateMs };
  }, next);
  await page.close();
  return result;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const data = benchData(ROWS);
const rows = data.balances[0]?.portfolio?.rows ?? [];
// The plain balance of the most valuable asset (the table's first group, so it is on screen), changed by a
// small amount.
const groupValue = new Map<string, number>();
for (const row of rows) groupValue.set(row.base, (groupValue.get(row.base) ?? 0) + Number(row.value)); // only picks a row
const topBase = [...groupValue].sort((a, b) => b[1] - a[1])[0]?.[0];
const target = rows.find((row) => row.base === topBase && row.extension === null);
if (!target) throw new Error('no row to change');
const changed = withOneBalanceChanged(data, target.asset, '0.5');

const benchHtml = await buildBenchBundle();
const browser = await launchBenchChromium();
try {
  // One warm-up load so disk caches do not count against the first measured run.
  await firstRender(browser, productionHtml, data);
  if (baselineHtml !== undefined) await firstRender(browser, baselineHtml, data);
  const loads: FirstRender[] = [];
  const baselineLoads: FirstRender[] = [];
  for (let i = 0; i < LOADS; i += 1) {
    // In turn, each going first every other round, so neither is favoured by what ran just before it.
    if (baselineHtml !== undefined && i % 2 === 1) baselineLoads.push(await firstRender(browser, baselineHtml, data));
    loads.push(await firstRender(browser, productionHtml, data));
    if (baselineHtml !== undefined && i % 2 === 0) baselineLoads.push(await firstRender(browser, baselineHtml, data));
  }
  const counted = await afterOneChange(browser, benchHtml, data, changed);
  const observed = await afterOneChange(browser, productionHtml, data, changed);

  // Timings on a shared machine mean little without its load; printed first so no figure is read without it.
  console.info(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} (1/5/15 min)`);
  console.info(`render-rows: ${rows.length} balances (${loads[0]?.linesInDom ?? 0} table lines in the DOM: virtualized), Chromium ${browser.version()}, viewport 1120×760`);
  console.info(`first render, production bundle, median of ${LOADS} cold loads:`);
  console.info(`  app JS start → rows committed   ${ms(median(loads.map((l) => l.committedMs)))}   (runs: ${loads.map((l) => l.committedMs.toFixed(0)).join(', ')})`);
  console.info(`  app JS start → rows painted     ${ms(median(loads.map((l) => l.paintedMs)))}   (runs: ${loads.map((l) => l.paintedMs.toFixed(0)).join(', ')})`);
  console.info(`  navigation start → rows painted ${ms(median(loads.map((l) => l.sinceNavigationMs)))}   (runs: ${loads.map((l) => l.sinceNavigationMs.toFixed(0)).join(', ')}; loading and compiling the bundle included)`);
  console.info(`  renderer main-thread CPU, navigation → rows painted ${ms(median(loads.map((l) => l.cpuMs)))} (script ${ms(median(loads.map((l) => l.scriptMs)))}, style+layout ${ms(median(loads.map((l) => l.layoutMs)))})`);
  if (baselineHtml !== undefined) {
    console.info(`baseline ${baselineDir}, the same loads in turn:`);
    console.info(`  app JS start → rows painted     ${ms(median(baselineLoads.map((l) => l.paintedMs)))}   (runs: ${baselineLoads.map((l) => l.paintedMs.toFixed(0)).join(', ')})`);
    console.info(`  navigation start → rows painted ${ms(median(baselineLoads.map((l) => l.sinceNavigationMs)))}   (runs: ${baselineLoads.map((l) => l.sinceNavigationMs.toFixed(0)).join(', ')})`);
    console.info(`  renderer main-thread CPU, navigation → rows painted ${ms(median(baselineLoads.map((l) => l.cpuMs)))}`);
    const ratio = (pick: (load: FirstRender) => number) => (median(loads.map(pick)) / median(baselineLoads.map(pick))).toFixed(3);
    console.info(`  this build ÷ baseline: rows painted ${ratio((l) => l.paintedMs)}×, navigation → painted ${ratio((l) => l.sinceNavigationMs)}×, CPU ${ratio((l) => l.cpuMs)}×`);
  }
  console.info(`one balance changed (${target.asset} +0.5; total and all ${rows.length} shares recomputed by "main"):`);
  console.info(`  table lines re-rendered (React, bench build)   ${counted.renders ?? 'n/a'}`);
  console.info(`  table lines whose DOM changed (production)     ${observed.mutatedLines}`);
  console.info(`  update → next frame                            ${ms(observed.updateMs)}`);
  const initialJs = rendererInitialJs(path.dirname(productionHtml)).reduce((sum, entry) => sum + entry.gzip, 0);
  console.info(`renderer initial JS (entry + preloaded chunks)   ${(initialJs / 1000).toFixed(1)} kB gzip`);
  const painted = median(loads.map((l) => l.paintedMs));
  console.info(`targets: first render (JS start → rows painted) ≤ 100 ms → ${painted <= 100 ? 'met' : 'not met'}; ≤ 5 rows re-rendered → ${(counted.renders ?? Infinity) <= 5 ? 'met' : 'not met'}; initial JS ≤ ${INITIAL_JS_BUDGET_BYTES / 1000} kB gzip → ${initialJs <= INITIAL_JS_BUDGET_BYTES ? 'met' : 'not met'}; navigation → rows painted has no target (reported so the time before the app's first line of JS is not hidden)`);
} finally {
  await browser.close();
}
