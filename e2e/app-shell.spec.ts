import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { recordWindowOpenAnswers } from './helpers/desktop-records.ts';
import { saveScreenshot } from './screenshots.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One window for all five (a launch costs seconds of every CI run): each step is what was a test of its own;
// the navigation attempt comes last, as it is the one step that tries to change the window.
test('the app shell: version over IPC, no Node in the page, the CSP, ICU set up in a worker, and navigation and new windows blocked', async ({ app, page }) => {
  test.slow(); // the work of 5 tests in one: more than the default minute on a loaded machine
  await test.step('the window shows the app shell and the version from a real IPC round trip', async () => {
    console.info(`runtime: ${app.runtime}`);
    await expect(page.getByRole('heading', { name: 'Kraken Balances' })).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(`v${pkg.version}`);
    const info = await page.evaluate(() => (window as unknown as { kraken: { app: { getInfo(): Promise<unknown> } } }).kraken.app.getInfo());
    expect(info).toMatchObject({ ok: true, value: { version: pkg.version, platform: process.platform } });
    await saveScreenshot(page, 'app-shell');
  });

  await test.step('the page has no Node, and the bridge exposes only intent-level functions', async () => {
    await expect(page.getByTestId('app-version')).not.toBeEmpty();
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      bridgeKeys: Object.keys((window as unknown as { kraken: object }).kraken),
      appKeys: Object.keys((window as unknown as { kraken: { app: object } }).kraken.app),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', bridgeKeys: ['app', 'accounts', 'balances', 'history', 'export', 'settings', 'storage', 'help', 'notifications', 'update'], appKeys: ['getInfo'] });
  });

  await test.step('the CSP refuses inline and remote scripts, and permission requests are denied', async () => {
    await expect(page.getByTestId('app-version')).not.toBeEmpty();
    const result = await page.evaluate(async () => {
      // The violation report is the event that proves the script was refused: no fixed wait before checking.
      const refused = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
      });
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.append(inline);
      const violations = [await refused];
      return {
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        // Code evaluated through DevTools is exempt from CSP, so the policy text itself is checked for eval.
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        violations,
        notification: await Notification.requestPermission(),
      };
    });
    expect(result.inlineRan).toBe(false);
    expect(result.policy).toContain("script-src 'self'");
    expect(result.policy).toContain("default-src 'none'");
    expect(result.policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(result.violations).toContain('script-src-elem');
    expect(result.notification).toBe('denied');
  });

  await test.step('ICU is set up in a worker from the app\'s own files, which loads under the CSP and ends', async () => {
    // renderer/src/intl-warmup.ts starts as the page loads, and the worker lives for a fraction of a second:
    // reload with the listener in place to see it from its start to its end.
    // It says when it has made its formatters, and the window then ends it when idle: an error on the way (a
    // formatter throwing, the script refused or not found) leaves no worker or one that never ends. Its end
    // is listened for as it starts.
    const ended = new Promise<string>((resolve) => {
      page.on('worker', (worker) => {
        if (/\/assets\/intl-warmup-[\w-]+\.js$/.test(worker.url())) worker.once('close', () => resolve(worker.url()));
      });
    });
    await page.reload();
    const url = await Promise.race([ended, new Promise<string>((resolve) => setTimeout(() => resolve('no worker ended within 20 s'), 20_000))]);
    expect(url).toMatch(/\/assets\/intl-warmup-[\w-]+\.js$/);
    await expect(page.getByTestId('app-version')).not.toBeEmpty();
  });

  await test.step('navigation away and new windows are blocked: window.open reaches main\'s window-open handler, which refuses it', async () => {
    await expect(page.getByTestId('app-version')).not.toBeEmpty();
    const appUrl = page.url();
    const loaded: string[] = [];
    page.context().on('response', (response) => loaded.push(response.url()));
    // A real window.open: Chromium asks the handler before the window exists (Electron returns null; the test
    // runtime's Chromium hands back a window it then closes, see e2e/runtime/electron.ts).
    const openAnswers = await recordWindowOpenAnswers(app);
    await page.evaluate(() => void window.open('http://127.0.0.1:9/phish', 'phish'));
    // Main's own answer to the attempt is the proof that nothing happened: listening after the app's guard,
    // main records whether 'will-navigate' came and was refused (no fixed wait that a slow machine outruns).
    await app.evaluate(({ BrowserWindow }) => {
      const attempt = new Promise((resolve) => {
        BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (event, url) => resolve({ url, refused: event.defaultPrevented }));
      });
      (globalThis as unknown as { __navigationAttempt: Promise<unknown> }).__navigationAttempt = attempt;
    });
    await page.evaluate(() => {
      window.location.href = 'http://127.0.0.1:9/';
    });
    expect(await app.evaluate(() => (globalThis as unknown as { __navigationAttempt: Promise<unknown> }).__navigationAttempt)).toEqual({ url: 'http://127.0.0.1:9/', refused: true });
    // The handler's answer proves the attempt was decided; the runtime's stand-in window then closes.
    await expect.poll(openAnswers).toEqual([{ url: 'http://127.0.0.1:9/phish', action: 'deny' }]);
    await expect.poll(() => page.context().pages().filter((p) => !p.isClosed()).length).toBe(1);
    expect(page.url()).toBe(appUrl);
    expect(loaded.filter((url) => url.startsWith('http'))).toEqual([]);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
