// `npm run preview:check`: proves `npm run preview -- --demo` opens, the way a user would run it on a
// machine without a display. Starts it under `xvfb-run -a` with a fresh data folder, waits for the window
// to show the demo account's balances, takes a screenshot of the X screen, checks it is not blank, then
// presses Ctrl+C (SIGINT to the process group) and checks everything ended. Exit 0 on success, 1 on
// failure with the reason and the preview's output. Linux only (xvfb-run, Debian's Chromium).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { toChromiumUrl } from '../e2e/runtime/protocol.ts';
import { APP_INDEX_URL, APP_SCHEME } from '../main/app-scheme.ts';
import { chromium } from 'playwright-core';
import { crop, encodePng, isBlank, readXwd, screenContent } from './screen-capture.mjs';

const root = path.resolve(import.meta.dirname, '..');
const screenshot = path.join(root, 'test-results', 'preview-check.png');
const SCREEN = { width: 1280, height: 800 };
const READY_TIMEOUT = 120_000; // includes the build
const BALANCES_TIMEOUT = 30_000;
const EXIT_TIMEOUT = 15_000;

const started = Date.now();
const work = mkdtempSync(path.join(os.tmpdir(), 'preview-check-'));
let output = '';
let preview = null;
let browser = null;

function fail(reason) {
  throw new Error(reason);
}

function startPreview() {
  if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) fail('xvfb-run is missing (Debian: apt-get install xvfb xauth).');
  const frameBuffer = path.join(work, 'screen');
  mkdirSync(frameBuffer);
  // Its own process group, so Ctrl+C can be delivered to it (and only it) as a terminal would.
  preview = spawn(
    'xvfb-run',
    ['-a', '-s', `-screen 0 ${SCREEN.width}x${SCREEN.height}x24 -fbdir ${frameBuffer}`, 'npm', 'run', 'preview', '--', '--demo'],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: previewEnv() },
  );
  const exited = new Promise((resolve) => preview.once('exit', (code, signal) => resolve({ code, signal })));
  const endpoint = new Promise((resolve, reject) => {
    for (const stream of [preview.stdout, preview.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk.toString();
        const match = /DevTools endpoint (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
    }
    void exited.then(({ code, signal }) => reject(new Error(`the preview ended before its window opened (exit ${code ?? signal})`)));
  });
  return { exited, endpoint, frameBuffer: path.join(frameBuffer, 'Xvfb_screen0') };
}

/**
 * The preview's environment: a fresh data folder, its own temp folder (to find what it leaves behind), and
 * nothing that points the app elsewhere or at another display.
 */
function previewEnv() {
  const dropped = new Set(['DISPLAY', 'KRAKEN_API_URL', 'E2E_RUNTIME', 'ELECTRON_RUNTIME_SAFE_STORAGE']);
  const kept = Object.entries(process.env).filter(([name]) => !dropped.has(name));
  const env = { ...Object.fromEntries(kept), KRAKEN_BALANCES_USER_DATA: path.join(work, 'data'), TMPDIR: path.join(work, 'tmp') };
  mkdirSync(env.TMPDIR);
  return env;
}

function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The app page's URL (main/app-scheme.ts), and the same as the test runtime's Chromium shows it: at the
 * stand-in https origin it serves the app scheme from (e2e/runtime/protocol.ts). Compared without the hash route.
 */
const APP_PAGES = [APP_INDEX_URL, toChromiumUrl(APP_INDEX_URL, new Set([APP_SCHEME]))];

/** The app's window: the page showing the renderer bundle (a blank holder tab may exist briefly). */
async function appPage(context) {
  for (const deadline = Date.now() + BALANCES_TIMEOUT; Date.now() < deadline; await sleep(100)) {
    const page = context.pages().find((candidate) => APP_PAGES.includes(candidate.url().split('#')[0]));
    if (page) return page;
  }
  return fail(`no app window within ${BALANCES_TIMEOUT / 1000} s`);
}

/** Where the page's content is on the X screen (Chromium draws its own tab strip and toolbar above it). */
function contentOnScreen(page) {
  return page.evaluate(() => {
    const { screenX, screenY, outerWidth, outerHeight, innerWidth, innerHeight } = globalThis; // the page's window
    const border = (outerWidth - innerWidth) / 2;
    return { x: screenX + border, y: screenY + outerHeight - innerHeight - border, width: innerWidth, height: innerHeight };
  });
}

async function waitForBalances(endpoint) {
  browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? fail('no browser context over CDP');
  const page = await appPage(context);
  const table = page.getByRole('table', { name: 'Balances of Demo account in USD' });
  await table.waitFor({ state: 'visible', timeout: BALANCES_TIMEOUT });
  await page.getByTestId('refresh-status').getByText('Up to date').waitFor({ timeout: BALANCES_TIMEOUT });
  const rows = await table.locator('[role="row"][data-line]').count();
  if (rows === 0) fail('the demo balances table has no rows');
  // Let the compositor put the last frame on the X screen before it is read.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return { rows, content: await contentOnScreen(page) };
}

/** The whole screen goes to the PNG; only the page's own area is judged (Chromium's toolbar is never blank). */
function takeScreenshot(frameBuffer, area) {
  const image = readXwd(frameBuffer);
  mkdirSync(path.dirname(screenshot), { recursive: true });
  writeFileSync(screenshot, encodePng(image));
  const content = screenContent(crop(image, area));
  const summary = `window content ${area.width}x${area.height}: ${content.colours} colours, ${(content.painted * 100).toFixed(0)}% painted`;
  if (isBlank(content)) fail(`the screenshot is blank (${summary}): ${path.relative(root, screenshot)}`);
  return summary;
}

/** Ctrl+C, as in the terminal that runs the preview; then the process tree and Chromium must be gone. */
async function quitPreview(exited, endpoint) {
  await browser?.close().catch(() => undefined); // over CDP this only disconnects
  browser = null;
  process.kill(-preview.pid, 'SIGINT');
  await within(EXIT_TIMEOUT, exited, 'quitting the preview after Ctrl+C');
  if (await answers(`${endpoint}/json/version`)) fail('Chromium is still running after the preview quit');
  if (groupAlive()) fail('processes of the preview are still running after it quit');
  const left = readdirSync(path.join(work, 'tmp')).filter((name) => name.startsWith('electron-runtime-profile-'));
  if (left.length > 0) fail(`the preview left its Chromium profile behind: ${left.join(', ')}`);
}

function answers(url) {
  return new Promise((resolve) => {
    http.get(url, (response) => resolve(response.resume() && true)).on('error', () => resolve(false));
  });
}

function groupAlive() {
  try {
    process.kill(-preview.pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const { exited, endpoint: endpointReady, frameBuffer } = startPreview();
  const endpoint = await within(READY_TIMEOUT, endpointReady, 'starting the preview');
  const { rows, content } = await waitForBalances(endpoint);
  const summary = takeScreenshot(frameBuffer, content);
  await quitPreview(exited, endpoint);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.info(`preview:check passed in ${seconds} s: demo balances shown (${rows} lines), screenshot ${path.relative(root, screenshot)} (${summary}), quit cleanly`);
}

try {
  await main();
} catch (error) {
  console.error(`preview:check FAILED: ${error instanceof Error ? error.message : error}`);
  console.error(`--- preview output ---\n${output.trim()}`);
  await browser?.close().catch(() => undefined);
  if (preview && groupAlive()) process.kill(-preview.pid, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
rmSync(work, { recursive: true, force: true });
