// The Electron edge of the app scheme (main/app-scheme.ts): registered as privileged before 'ready', then
// served from the built renderer folder only.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, lookUpAppFile, mimeTypeOf } from './app-scheme.ts';
import { log } from './log.ts';
import { rendererDir } from './paths.ts';

/** Must run before the app is ready (Electron throws afterwards): the scheme's privileges are fixed at start. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** After 'ready': every app:// request is answered from the renderer folder, or refused. */
export function serveAppScheme(root: string = rendererDir): void {
  protocol.handle(APP_SCHEME, (request) => respondFromFolder(root, request));
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/** The file for an app:// request; a symlink pointing out of the folder is refused like `..`. */
export async function respondFromFolder(root: string, request: Request): Promise<Response> {
  const lookup = lookUpAppFile(root, request.url, request.method);
  if (!lookup.ok) {
    log.warn(`app scheme: refused a request (${lookup.reason})`);
    return refusal(lookup.status, lookup.status === 405 ? 'Method not allowed' : 'Not found');
  }
  try {
    const [real, realRoot] = await Promise.all([realpath(lookup.file), realpath(root)]);
    if (!real.startsWith(realRoot + path.sep) || !(await stat(real)).isFile()) return refusal(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(real);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': mimeTypeOf(real), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
    });
  } catch {
    log.info(`app scheme: no such file ${new URL(request.url).pathname}`);
    return refusal(404, 'Not found');
  }
}
