// The app's own scheme: the renderer is served from app://kraken-balances/ (main/app-protocol.ts) instead of
// file://, so the page has an origin of its own and 'self' in its CSP means the app's files and nothing else
// on the disk. Plain Node (no Electron): which URLs are the app's, and which file a request may read.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kraken-balances';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * How Electron must treat the scheme (protocol.registerSchemesAsPrivileged, before 'ready'): standard, so
 * URLs have a host and the page an origin; secure, a secure context like https; fetch-capable for the
 * page's module scripts; codeCache, so V8 keeps the bundle's compiled code between launches as it does for
 * https (a custom scheme gets none otherwise, and every start would compile the renderer again). Never
 * bypassCSP, corsEnabled or service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for any URL of the app's origin: the only origin whose frames may call main (main/ipc/sender.ts). */
export function isAppOrigin(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** True only for the app's page (any query or hash): the one place the window may navigate to. */
export function isAppPage(url: string): boolean {
  return isAppOrigin(url) && parse(url)?.pathname === '/index.html';
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file the scheme serves; what Vite never emits is served as opaque bytes. */
export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppFileLookup = { ok: true; file: string } | { ok: false; status: 400 | 404 | 405; reason: string };

/**
 * The file inside `root` (the built renderer folder) a request for `url` may read, or why not. The path is
 * decoded once and must stay inside root after resolving: `..` in any spelling (`..%2f`, `%2e%2e`, a
 * backslash), an absolute path, a NUL byte or another origin is refused. Only GET and HEAD are served.
 */
export function lookUpAppFile(root: string, url: string, method = 'GET'): AppFileLookup {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: `method ${method}` };
  const parsed = parse(url);
  if (parsed === null || !isAppOrigin(url)) return { ok: false, status: 404, reason: 'not the app origin' };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path' };
  }
  if (relative === '/') relative = '/index.html';
  if (relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 400, reason: 'malformed path' };
  const segments = relative.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 404, reason: 'outside the renderer folder' };
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return { ok: false, status: 404, reason: 'outside the renderer folder' };
  return { ok: true, file };
}
