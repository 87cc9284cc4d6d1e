import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppOrigin, isAppPage, lookUpAppFile, mimeTypeOf } from './app-scheme.ts';

const root = path.resolve('/opt/app/out/renderer');

describe('the app scheme', () => {
  it('knows its origin and its page, and nothing else', () => {
    expect(isAppOrigin(APP_INDEX_URL)).toBe(true);
    expect(isAppOrigin('app://kraken-balances/assets/index-1.js')).toBe(true);
    expect(isAppPage(`${APP_INDEX_URL}#/settings`)).toBe(true);
    expect(isAppPage('app://kraken-balances/assets/index-1.js')).toBe(false);
    for (const url of ['file:///opt/app/out/renderer/index.html', 'app://other/index.html', 'https://kraken-balances/index.html', 'app://x@kraken-balances/index.html', 'not a url']) {
      expect(isAppOrigin(url), url).toBe(false);
      expect(isAppPage(url), url).toBe(false);
    }
  });

  it('maps a request to a file inside the renderer folder', () => {
    expect(lookUpAppFile(root, APP_INDEX_URL)).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(lookUpAppFile(root, 'app://kraken-balances/')).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(lookUpAppFile(root, 'app://kraken-balances/assets/index-Ab1.js?x=1#y')).toEqual({ ok: true, file: path.join(root, 'assets', 'index-Ab1.js') });
    expect(lookUpAppFile(root, 'app://kraken-balances/assets/a%20b.css', 'HEAD')).toEqual({ ok: true, file: path.join(root, 'assets', 'a b.css') });
  });

  it('refuses every way out of the folder, another origin and methods that are not reads', () => {
    const refused = [
      'app://kraken-balances/..%2f..%2fmain%2findex.js',
      'app://kraken-balances/..%2F..%2Fpackage.json',
      'app://kraken-balances/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://kraken-balances/..%5c..%5cpackage.json',
      'app://kraken-balances/index.html%00.png',
      'app://kraken-balances/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ];
    for (const url of refused) {
      const lookup = lookUpAppFile(root, url);
      expect(lookup.ok, url).toBe(false);
    }
    // The URL parser resolves dot segments (also %2e%2e) before the handler sees the path: they stay inside.
    expect(lookUpAppFile(root, 'app://kraken-balances/%2e%2e/%2e%2e/package.json')).toEqual({ ok: true, file: path.join(root, 'package.json') });
    expect(lookUpAppFile(root, 'app://kraken-balances/%2fetc%2fpasswd')).toEqual({ ok: true, file: path.join(root, 'etc', 'passwd') });
    expect(lookUpAppFile(root, APP_INDEX_URL, 'POST')).toMatchObject({ ok: false, status: 405 });
  });

  it('names the MIME type of what Vite emits', () => {
    expect(mimeTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('assets/index-1.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('assets/index-1.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('font.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('blob.bin')).toBe('application/octet-stream');
  });
});
