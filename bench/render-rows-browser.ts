// The Chromium the render benchmarks load the renderer in, shared so every figure comes from the same one.
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Flags this machine needs (no sandbox as root, no GPU, no calls home) and file access for the built page.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--allow-file-access-from-files'];

// No omnibox popup. Headless Chromium (156 here) preloads the address bar's popup, a WebUI page in a
// renderer of its own, for every new browser window, one per load here; Electron has no browser UI at all.
// On 2 cores that page took 100–200 ms of CPU inside each measured window (traced per thread) and doubled
// the wall times; without it the loads measure the app's renderer alone.
const NO_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Playwright's own --disable-features switch, which a second one would replace, not extend: Chromium keeps
 * the last value of a switch. Read off the command line Playwright gives Chromium, so it follows Playwright.
 */
async function playwrightDisabledFeatures(): Promise<string | undefined> {
  const probe = await chromium.launchServer({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    return probe.process().spawnargs.find((arg) => arg.startsWith('--disable-features='));
  } finally {
    await probe.close();
  }
}

export async function launchBenchChromium(): Promise<Browser> {
  const theirs = await playwrightDisabledFeatures();
  const disabled = [...(theirs?.slice('--disable-features='.length).split(',') ?? []), ...NO_BROWSER_UI];
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...FLAGS, `--disable-features=${disabled.join(',')}`],
    ignoreDefaultArgs: theirs === undefined ? [] : [theirs],
    headless: true,
  });
}
