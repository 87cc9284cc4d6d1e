import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => [] as unknown[]);
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes) } }));
const { registerAppScheme, respondFromFolder } = await import('./app-protocol.ts');

const base = mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(path.join(root, 'assets', 'index.js'), 'export {};');
writeFileSync(path.join(base, 'secret.txt'), 'outside');
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.js'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => respondFromFolder(root, new Request(url, { method }));

describe('registerAppScheme', () => {
  it('makes app: a standard, secure scheme with V8 code caching, and grants nothing that weakens the page', () => {
    registerAppScheme();
    // codeCache: without it Electron keeps no compiled code for a custom scheme, and every launch compiles
    // the renderer bundle again. No bypassCSP, corsEnabled, allowServiceWorkers or stream privileges.
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });
});

describe('respondFromFolder', () => {
  it('serves the renderer files with their MIME type', async () => {
    const page = await get('app://kraken-balances/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>app</title>');
    const script = await get('app://kraken-balances/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await get('app://kraken-balances/assets/index.js', 'HEAD')).text()).toBe('');
  });

  it('refuses a path outside the folder, a symlink out of it, a missing file and a write', async () => {
    for (const url of ['app://kraken-balances/..%2fsecret.txt', 'app://kraken-balances/assets/link.js', 'app://kraken-balances/missing.js', 'app://kraken-balances/assets']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
    expect((await get('app://kraken-balances/index.html', 'POST')).status).toBe(405);
  });
});
