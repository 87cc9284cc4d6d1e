import type { CustomScheme, Protocol } from 'electron';
import type { Route } from 'playwright-core';

/**
 * Electron's protocol module (lib/browser/api/protocol.ts and shell/browser/api/electron_api_protocol.cc of
 * Electron 45) for what the runtime can serve: a custom scheme registered as privileged and standard before
 * 'ready', answered by protocol.handle's handler with a fetch Response.
 *
 * Debian's Chromium knows no custom scheme (a navigation to one is aborted before any request exists), so a
 * standard scheme `S://host/path` lives in the page at a stand-in https origin, `https://host.S.electron-scheme.invalid/path`:
 * its own origin and a secure context, as Electron's standard + secure scheme gives, and every request to it
 * goes to the handler (web-contents.ts routes them; nothing reaches a network), a dedicated worker's script too
 * (Electron serves workers' main scripts from custom protocols: RegisterNonNetworkWorkerMainResourceURLLoaderFactories
 * in shell/browser/electron_browser_client.cc). Main never sees the stand-in:
 * loadURL, getURL, IPC senders' frame URLs, will-navigate and window-open URLs are translated at the edge.
 * The page's own `location` shows the stand-in (listed in electron.ts).
 *
 * As strict as Electron, or stricter where the runtime cannot follow it:
 * - registerSchemesAsPrivileged after 'ready' throws, as does a malformed list or codeCache without standard;
 * - handle() before 'ready' throws (it is session.defaultSession.protocol.handle), and twice for one scheme
 *   throws "Failed to register protocol"; unhandle() of a scheme not handled throws;
 * - stricter: handle() refuses a scheme not registered as standard before 'ready' (Electron serves one, as a
 *   non-standard scheme with no origin), and refuses http, https and file (Electron intercepts those);
 * - a handler that throws or answers something not a Response fails the request (net::ERR_UNEXPECTED);
 *   Response.error() fails it with net::ERR_FAILED.
 */
export const STAND_IN_SUFFIX = '.electron-scheme.invalid';
const BUILT_IN = new Set(['http', 'https', 'file']);

type Handler = (request: Request) => Response | Promise<Response>;
export type SchemeAnswer = { ok: true; response: Response } | { ok: false; error: 'net::ERR_FAILED' | 'net::ERR_UNEXPECTED' | 'net::ERR_UNKNOWN_URL_SCHEME' };

/** `S://host/p` → the stand-in URL Chromium loads; any other URL as it is. */
export function toChromiumUrl(url: string, standardSchemes: ReadonlySet<string>): string {
  const [, scheme = '', host = '', rest = ''] = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url) ?? [];
  if (!standardSchemes.has(scheme.toLowerCase())) return url;
  return `https://${host.toLowerCase()}.${scheme.toLowerCase()}${STAND_IN_SUFFIX}${rest === '' ? '/' : rest}`;
}

/** The stand-in URL back as main knows it (`S://host/p`); any other URL as it is. */
export function fromChromiumUrl(url: string): string {
  const match = /^https:\/\/([^/?#]+)\.([a-z][a-z0-9+-]*)\.electron-scheme\.invalid(?::443)?(.*)$/i.exec(url);
  return match ? `${match[2]}://${match[1]}${match[3] === '' ? '/' : match[3]}` : url;
}

export class RuntimeProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'> {
  private readonly standard = new Set<string>();
  private readonly handlers = new Map<string, Handler>();

  private readonly isReady: () => boolean;

  constructor(isReady: () => boolean) {
    this.isReady = isReady;
  }

  /** The schemes registered as standard, for URL translation. */
  get standardSchemes(): ReadonlySet<string> {
    return this.standard;
  }

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (!Array.isArray(customSchemes) || customSchemes.some((entry) => typeof entry?.scheme !== 'string')) {
      throw new Error('Argument must be an array of custom schemes.');
    }
    if (customSchemes.some((entry) => entry.privileges?.codeCache === true && entry.privileges.standard !== true)) {
      throw new Error('Code cache can only be enabled when the custom scheme is registered as standard scheme.');
    }
    for (const entry of customSchemes) if (entry.privileges?.standard === true) this.standard.add(entry.scheme.toLowerCase());
  }

  handle(scheme: string, handler: Handler): void {
    if (!this.isReady()) throw new TypeError('Session can only be received when app is ready');
    if (BUILT_IN.has(scheme)) throw new Error(`[electron-runtime] intercepting ${scheme} is not emulated`);
    if (!this.standard.has(scheme)) {
      throw new Error(`Failed to register protocol: ${scheme} ([electron-runtime] only a scheme registered as standard before ready can be served)`);
    }
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    if (!this.handlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** True when a URL (as main knows it) belongs to a handled scheme: net.fetch sends it to the handler. */
  handles(url: string): boolean {
    return this.handlers.has((url.split(':', 1)[0] ?? '').toLowerCase());
  }

  /** A request (URL as main knows it) answered by the scheme's handler, as Electron's handle() wrapper does. */
  async answer(request: Request): Promise<SchemeAnswer> {
    const handler = this.handlers.get(new URL(request.url).protocol.slice(0, -1));
    if (!handler) return { ok: false, error: 'net::ERR_UNKNOWN_URL_SCHEME' };
    try {
      const response: unknown = await handler(request);
      if (!(response instanceof Response)) return { ok: false, error: 'net::ERR_UNEXPECTED' };
      if (response.type === 'error') return { ok: false, error: 'net::ERR_FAILED' };
      return { ok: true, response };
    } catch (error) {
      console.error(error);
      return { ok: false, error: 'net::ERR_UNEXPECTED' };
    }
  }

  /** A page's request to a stand-in URL: answered by the handler, or failed; it never reaches a network. */
  async serve(route: Route): Promise<void> {
    const pageRequest = route.request();
    const headers = new Headers(await pageRequest.allHeaders());
    if (headers.get('origin') === 'null') headers.delete('origin');
    for (const name of [...headers.keys()]) if (name.startsWith(':')) headers.delete(name);
    const body = pageRequest.postDataBuffer();
    const request = new Request(fromChromiumUrl(pageRequest.url()), { method: pageRequest.method(), headers, body: body ? new Uint8Array(body) : null });
    const answer = await this.answer(request);
    if (!answer.ok) return route.abort('failed');
    const { response } = answer;
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  }
}
