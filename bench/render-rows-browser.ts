// The Chromium the render benchmarks load the renderer in, shared so every figure comes from the same one.
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Flags this machine needs (no sandbox as root, no GPU, no calls home), file access for the built page, and
// no omnibox popup. Headless Chromium (from about version 140) preloads the address bar's popup, a WebUI page
// in a renderer of its own, for every new browser window, one per load here. Electron has no browser UI at all.
// On 2 cores that page took 100–200 ms of CPU inside each measured window (traced per thread) and doubled
// the wall times; without it the loads measure the app's renderer alone.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--allow-file-access-from-files',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}
