// Where the first render's time goes: loads the balances view with 2,000 balances (the same fake bridge
// and data as bench/render-rows.ts) under a Chromium performance trace and prints, for the window from
// the app's first line of JS (kraken:start) to the rows painted (bench:painted):
//  - the renderer main thread's tasks in order, with what each spent on script, style, layout and paint,
//    and their CPU time (thread time: unlike the wall times, not inflated by other work on the machine);
//  - the JS functions with the most self time (sampled every 50 µs), named by source file.
// The bundle is the production build of the renderer without minification (so functions keep their
// names and the bundler's module comments name their files); timings run a little above the minified bundle's.
// Run:  node bench/render-rows-profile.ts [--loads 5] [--samples-only]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { rendererPlugins } from '../scripts/renderer-plugins.ts';
import { numberArg } from './args.ts';
import { launchBenchChromium } from './render-rows-browser.ts';
import { installFakeBridge } from './render-rows-bridge.ts';
import { waitForPainted } from './render-rows-wait.ts';
import { benchData, type BenchData } from './render-rows-data.ts';

const LOADS = Math.floor(numberArg('--loads', 5));
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'out/renderer-profile');
// --samples-only: just the JS samples and the marks, for a lighter trace (the task list is then empty).
const SAMPLES_ONLY = process.argv.includes('--samples-only');
const CATEGORIES = SAMPLES_ONLY
  ? ['-*', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler']
  : ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel', 'base'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time inside the event (not the time it waited for a core). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

async function buildUnminified(): Promise<{ html: string; regions: { line: number; file: string }[] }> {
  await build({
    configFile: false,
    root: path.join(root, 'renderer'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: rendererPlugins(),
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
  });
  const html = path.join(outDir, 'index.html');
  // The bundle is the page's one script that is not async (renderer-plugins.ts puts an async one ahead of it).
  const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(html, 'utf8'))?.[1];
  if (!script) throw new Error('no script in the built index.html');
  const regions: { line: number; file: string }[] = [];
  readFileSync(path.join(outDir, script), 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const match = /^\/\/ (\S+\.(?:js|ts|tsx|mjs|cjs))$/.exec(text);
      if (match?.[1]) regions.push({ line, file: match[1].replace(/^.*node_modules\//, '').replace(/^src\//, '') });
    });
  return { html, regions };
}

function fileAt(regions: readonly { line: number; file: string }[], line: number): string {
  let file = '(bundle)';
  for (const region of regions) {
    if (region.line > line) break;
    file = region.file;
  }
  return file;
}

async function traceOneLoad(browser: Browser, html: string, data: BenchData): Promise<TraceEvent[]> {
  const page = await browser.newPage({ viewport: { width: 1120, height: 760 } });
  await page.addInitScript(installFakeBridge, data);
  const devtools = await page.context().newCDPSession(page);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(pathToFileURL(html).href);
  await waitForPainted(devtools);
  const buffer = await browser.stopTracing();
  await page.close();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

const CLASSES: Record<string, string> = {
  FunctionCall: 'script', EvaluateScript: 'script', 'v8.evaluateModule': 'script', TimerFire: 'script', FireAnimationFrame: 'script', RunMicrotasks: 'script', EventDispatch: 'script',
  'v8.compile': 'compile', 'v8.compileModule': 'compile', 'v8.parseOnBackground': 'compile',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  Paint: 'paint', PrePaint: 'paint', Layerize: 'paint', UpdateLayer: 'paint', Commit: 'paint', CompositeLayers: 'paint',
  ParseHTML: 'html',
  MinorGC: 'gc', MajorGC: 'gc', 'V8.GC_SCAVENGER': 'gc',
};

interface Window {
  start: number;
  rows: number;
  painted: number;
  main: { pid: number; tid: number };
}

function findWindow(events: readonly TraceEvent[]): Window {
  const mark = (name: string) => events.find((event) => event.name === name && event.cat.includes('blink.user_timing'));
  const start = mark('kraken:start');
  const rows = mark('kraken:rows-rendered');
  const painted = mark('bench:painted');
  if (!start || !rows || !painted) throw new Error('marks missing from the trace');
  return { start: start.ts, rows: rows.ts, painted: painted.ts, main: { pid: start.pid, tid: start.tid } };
}

/** Top-level tasks of the main thread overlapping the window, each with time per class of work (self time). */
function tasks(events: readonly TraceEvent[], window: Window): { line: string; from: number; to: number; cpu: number }[] {
  const onMain = events.filter((event) => event.pid === window.main.pid && event.tid === window.main.tid && event.ph === 'X' && event.dur !== undefined);
  const runs = onMain.filter((event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask');
  // RunTask slices nest (the scheduler's inside the thread's); keep the outermost.
  const outermost = runs.filter((task) => !runs.some((other) => other !== task && other.ts <= task.ts && other.ts + (other.dur ?? 0) >= task.ts + (task.dur ?? 0) && (other.ts < task.ts || (other.dur ?? 0) > (task.dur ?? 0) || runs.indexOf(other) < runs.indexOf(task))));
  const top = outermost.filter((task) => task.ts + (task.dur ?? 0) >= window.start && task.ts <= window.painted && (task.dur ?? 0) >= 300);
  const lines: { line: string; from: number; to: number; cpu: number }[] = [];
  for (const task of top) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end && CLASSES[event.name] !== undefined);
    // Self time per class: an event's duration less its classified children's.
    const byClass = new Map<string, number>();
    for (const event of inside) {
      const eventEnd = event.ts + (event.dur ?? 0);
      const children = inside.filter((other) => other !== event && other.ts >= event.ts && other.ts + (other.dur ?? 0) <= eventEnd);
      const direct = children.filter((child) => !children.some((parent) => parent !== child && child.ts >= parent.ts && child.ts + (child.dur ?? 0) <= parent.ts + (parent.dur ?? 0)));
      const self = (event.dur ?? 0) - direct.reduce((sum, child) => sum + (child.dur ?? 0), 0);
      const kind = CLASSES[event.name] ?? 'other';
      byClass.set(kind, (byClass.get(kind) ?? 0) + self);
    }
    const names = [...new Set(inside.filter((event) => CLASSES[event.name] === 'script').map((event) => event.name))].join('+');
    const parts = [...byClass].filter(([, us]) => us >= 100).map(([kind, us]) => `${kind} ${(us / 1000).toFixed(1)}`).join(', ');
    // The task's CPU time, counted in proportion to the part of it inside the window.
    const cpu = ((task.tdur ?? 0) * (Math.min(end, window.painted) - Math.max(task.ts, window.start))) / Math.max(1, task.dur ?? 0);
    lines.push({ from: task.ts, to: end, cpu, line: `  ${((task.ts - window.start) / 1000).toFixed(1).padStart(6)} ms  +${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${names || task.name}${parts ? `  [${parts}]` : ''}` });
  }
  return lines;
}

interface Sample {
  readonly time: number;
  readonly micros: number;
  readonly key: string;
  /** Every app function (renderer/src) on the stack, for inclusive time. */
  readonly appStack: readonly string[];
}

/** The sampled JS profile inside the window, each sample named "function (file)". */
function samples(events: readonly TraceEvent[], window: Window, regions: readonly { line: number; file: string }[]): Sample[] {
  // The page's main thread only: a worker of the page (renderer/src/intl-warmup.ts) has a profile of its own.
  const profileStart = events.find((event) => event.name === 'Profile' && event.pid === window.main.pid && event.tid === window.main.tid);
  const chunks = events.filter((event) => event.name === 'ProfileChunk' && event.pid === window.main.pid && event.id === profileStart?.id);
  const startTime = Number((profileStart?.args?.data as { startTime?: number } | undefined)?.startTime ?? NaN);
  const nodes = new Map<number, ProfileNode>();
  const found: Sample[] = [];
  let time = startTime;
  for (const chunk of chunks) {
    const profile = (chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined) ?? {};
    for (const node of profile.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = profile.cpuProfile?.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    ids.forEach((id, index) => {
      const delta = deltas[index] ?? 0;
      time += delta;
      if (time < window.start || time > window.painted) return;
      const node = nodes.get(id);
      if (!node) return;
      const name = (frame: ProfileNode['callFrame']) => {
        const url = frame.url ?? '';
        const where = url.endsWith('.js') ? fileAt(regions, frame.lineNumber) : url ? path.basename(url) : '';
        return `${frame.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
      };
      const appStack = new Set<string>();
      for (let at: ProfileNode | undefined = node; at; at = at.parent === undefined ? undefined : nodes.get(at.parent)) {
        const key = name(at.callFrame);
        if (!key.includes('node_modules/') && /\.(tsx?|css)\)$/.test(key)) appStack.add(key);
      }
      found.push({ time, micros: deltas[index + 1] ?? delta, key: name(node.callFrame), appStack: [...appStack] });
    });
  }
  return found;
}

/**
 * Where the main thread waited inside the window (Chromium's blocking-call scopes, outermost only), by what
 * it waited in: font look-ups from the browser process, joining a thread that ended (a worker), and so on.
 * Wall time no CPU figure shows.
 */
function blockedWaits(events: readonly TraceEvent[], window: Window): [string, number][] {
  const scopes = events.filter((event) => event.name === 'ScopedBlockingCallWithBaseSyncPrimitives' && event.pid === window.main.pid && event.tid === window.main.tid && event.ts >= window.start && event.ts <= window.painted);
  const outermost = scopes.filter((event) => !scopes.some((other) => other !== event && other.ts <= event.ts && other.ts + (other.dur ?? 0) >= event.ts + (event.dur ?? 0) && (other.ts < event.ts || (other.dur ?? 0) > (event.dur ?? 0))));
  const byWhere = new Map<string, number>();
  for (const event of outermost) {
    const where = (event.args as { source_location?: { function_name?: string } } | undefined)?.source_location?.function_name ?? 'unknown';
    byWhere.set(where, (byWhere.get(where) ?? 0) + (event.dur ?? 0));
  }
  return [...byWhere].sort((a, b) => b[1] - a[1]);
}

function topSelf(list: readonly Sample[], count: number): [string, number][] {
  const self = new Map<string, number>();
  for (const sample of list) self.set(sample.key, (self.get(sample.key) ?? 0) + sample.micros);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

const data = benchData(2000);
const { html, regions } = await buildUnminified();
const browser = await launchBenchChromium();
try {
  await traceOneLoad(browser, html, data);
  const all: Sample[] = [];
  const cpuPerLoad: number[] = [];
  for (let load = 0; load < LOADS; load += 1) {
    const events = await traceOneLoad(browser, html, data);
    const window = findWindow(events);
    console.info(`load ${load + 1}: JS start → rows committed ${((window.rows - window.start) / 1000).toFixed(1)} ms, → painted ${((window.painted - window.start) / 1000).toFixed(1)} ms${SAMPLES_ONLY ? '' : '; main-thread tasks (start relative to kraken:start):'}`);
    const sampled = samples(events, window, regions);
    const taskList = tasks(events, window);
    const cpu = taskList.reduce((sum, task) => sum + task.cpu, 0) / 1000;
    cpuPerLoad.push(cpu);
    if (!SAMPLES_ONLY) {
      console.info(`  main-thread CPU in that window ${cpu.toFixed(1)} ms (what the machine's load cannot inflate, unlike the wall times)`);
      const waits = blockedWaits(events, window);
      const waited = waits.reduce((sum, [, us]) => sum + us, 0);
      console.info(`  main thread blocked ${(waited / 1000).toFixed(1)} ms${waits.length > 0 ? `: ${waits.map(([where, us]) => `${where} ${(us / 1000).toFixed(1)}`).join('; ')}` : ''} (FontRenderStyleForStrike, WaitMany: font look-ups; Join: a thread that ended)`);
    }
    for (const { line, from, to } of taskList) {
      console.info(line);
      const inside = sampled.filter((sample) => sample.time >= from && sample.time <= to);
      if (inside.length > 0) console.info(`           ${topSelf(inside, 6).map(([key, us]) => `${key} ${(us / 1000).toFixed(1)}`).join('; ')}`);
    }
    all.push(...sampled);
  }
  if (!SAMPLES_ONLY) console.info(`main-thread CPU, kraken:start → bench:painted: ${[...cpuPerLoad].sort((a, b) => a - b)[Math.floor(LOADS / 2)]?.toFixed(1)} ms median (runs: ${cpuPerLoad.map((cpu) => cpu.toFixed(0)).join(', ')})`);
  console.info(`JS self time, kraken:start → bench:painted, mean of ${LOADS} loads (ms):`);
  for (const [key, us] of topSelf(all, 45)) console.info(`  ${(us / 1000 / LOADS).toFixed(2).padStart(6)}  ${key}`);
  const inclusive = new Map<string, number>();
  for (const sample of all) for (const key of sample.appStack) inclusive.set(key, (inclusive.get(key) ?? 0) + sample.micros);
  console.info(`app functions' inclusive time, same window, mean of ${LOADS} loads (ms):`);
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.info(`  ${(us / 1000 / LOADS).toFixed(2).padStart(6)}  ${key}`);
} finally {
  await browser.close();
}
