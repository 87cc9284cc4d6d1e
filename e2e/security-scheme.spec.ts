import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcResult, KrakenBridge } from '../ipc/contract.ts';
import { APP_INDEX_URL, APP_ORIGIN } from '../main/app-scheme.ts';
import { appOriginInPage } from './helpers/app-scheme.ts';
import { expect, listAccounts, test, valueOf } from './helpers/accounts.ts';

// The renderer comes from the app's own privileged scheme (main/app-protocol.ts), not file://, so its
// origin is the app's alone and 'self' in the CSP means the renderer folder and nothing else on the disk.

// One window for the three (a launch costs seconds of every CI run); each step is what was a test of its own.
// Loading the window from file:// comes last.
test('the app scheme: the page’s own secure origin, nothing served from outside the renderer folder, and a file:// page refused', async ({ app, page }) => {
  test.slow(); // the work of 3 tests in one: more than the default minute on a loaded machine
  await test.step('the page is served from the app scheme: its own secure origin, as main sees it too', async () => {
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.webContents.getURL()))).toEqual([APP_INDEX_URL]);
    const seen = await page.evaluate(() => ({ origin: location.origin, secure: isSecureContext }));
    expect(seen).toEqual({ origin: appOriginInPage(app.runtime), secure: true });
    if (app.runtime === 'electron') expect(seen.origin).toBe(APP_ORIGIN);
  });

  await test.step('nothing outside the renderer folder is served: not a file:// URL, not ..%2f, from the page or from main', async () => {
    const pageTries = await page.evaluate(async () => {
      const fetched = await fetch('file:///etc/hostname').then(() => 'read', () => 'refused');
      // script-src 'self' lets the page ask its own origin, so only the scheme's handler stands in the way here.
      const script = (src: string) => new Promise<string>((resolve) => {
        const element = document.createElement('script');
        element.src = src;
        element.onload = () => resolve('ran');
        element.onerror = () => resolve('refused');
        document.head.append(element);
      });
      return { fetched, outside: await script('/..%2fmain%2findex.js'), deeper: await script('/assets/..%2f..%2f..%2fpackage.json'), own: await script(document.querySelector<HTMLScriptElement>('script[src]')?.getAttribute('src') ?? '') };
    });
    expect(pageTries).toEqual({ fetched: 'refused', outside: 'refused', deeper: 'refused', own: 'ran' });

    // Main's net.fetch goes through the same handler (Electron's net.fetch honours protocol.handle).
    const answers = await app.evaluate(async ({ net }, urls) => {
      const answers: { status: number; type: string | null; text: string }[] = [];
      for (const url of urls) {
        const response = await net.fetch(url);
        const text = await response.text();
        answers.push({ status: response.status, type: response.headers.get('content-type'), text: text.slice(0, 15) });
      }
      return answers;
    }, [APP_INDEX_URL, `${APP_ORIGIN}/..%2fmain%2findex.js`, `${APP_ORIGIN}/..%2f..%2fpackage.json`, `${APP_ORIGIN}/missing.js`]);
    expect(answers).toEqual([
      { status: 200, type: 'text/html; charset=utf-8', text: '<!doctype html>' },
      { status: 404, type: 'text/plain; charset=utf-8', text: 'Not found' },
      { status: 404, type: 'text/plain; charset=utf-8', text: 'Not found' },
      { status: 404, type: 'text/plain; charset=utf-8', text: 'Not found' },
    ]);
    expect(app.output()).toContain('app scheme: refused a request (outside the renderer folder)');
  });

  await test.step('an IPC call from the renderer loaded as a file:// page is refused by the sender check', async () => {
    valueOf(await listAccounts(page)); // trusted from the app scheme
    const fileUrl = pathToFileURL(path.join(process.cwd(), 'out/renderer/index.html')).href;
    // The app window itself, top frame, our preload: only the page's origin differs from the app's.
    await app.evaluate(async ({ BrowserWindow }, url) => {
      await BrowserWindow.getAllWindows()[0]?.webContents.loadURL(url);
    }, fileUrl);
    expect(page.url()).toBe(fileUrl);
    await page.waitForFunction(() => 'kraken' in window);
    const refused = await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.accounts.list() as Promise<IpcResult<unknown>>);
    expect(refused).toEqual({ ok: false, error: { code: 'untrusted-sender', message: 'This request did not come from the app window.' } });
    expect(app.output()).toContain('ipc: refused accounts:list from an untrusted sender');
  });
});
