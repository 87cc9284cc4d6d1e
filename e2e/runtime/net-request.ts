import http from 'node:http';
import https from 'node:https';
import { PassThrough, Writable } from 'node:stream';
import { format as formatUrl } from 'node:url';
import type { ClientRequestConstructorOptions } from 'electron';
import { NET_ERRORS } from './net-errors.ts';

type RedirectPolicy = 'follow' | 'error' | 'manual';

/** Node's response handed over the way Electron's IncomingMessage shows it: a stream with the response head. */
export class RuntimeIncomingMessage extends PassThrough {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly rawHeaders: string[];
  readonly headers: Record<string, string | string[]>;

  constructor(response: http.IncomingMessage) {
    super();
    this.statusCode = response.statusCode ?? 0;
    this.statusMessage = response.statusMessage ?? '';
    this.rawHeaders = response.rawHeaders;
    // Node's and Electron's rules agree: duplicates joined with ', ' (a few keep the first), set-cookie an array.
    this.headers = response.headers as Record<string, string | string[]>;
  }
}

/** Electron's URL rules (lib/common/api/net-client-request.ts): a url, or protocol/host/hostname/port/path. */
function requestUrl(options: ClientRequestConstructorOptions & { href?: string }): URL {
  const given = options.url ?? options.href;
  if (given) return new URL(given);
  if (options.path && / /.test(options.path)) throw new TypeError('Request path contains unescaped characters');
  const pathParts = new URL(options.path ?? '/', 'http://localhost');
  const base = options.host
    ? { protocol: options.protocol ?? 'http:', host: options.host }
    : { protocol: options.protocol ?? 'http:', hostname: options.hostname ?? 'localhost', port: options.port };
  return new URL(formatUrl({ ...base, pathname: pathParts.pathname, search: pathParts.search }));
}

function netError(error: unknown): Error {
  const code = (error as { code?: string } | null)?.code ?? '';
  return new Error(NET_ERRORS[code] ?? 'net::ERR_FAILED');
}

/**
 * Electron's net.ClientRequest over Node's http/https (used by electron-updater). Modelled on Electron 45's
 * lib/common/api/net-client-request.ts: a Writable whose end() starts the request; 'response' hands an
 * IncomingMessage; failures are 'error' events with net::ERR_… messages; redirects follow the policy, and
 * with 'manual' a redirect the listener does not follow ends in 'Redirect was cancelled'; no 'socket' event
 * (so socket timeouts a caller arms there never fire, as under Electron); abort() emits 'abort'. Not
 * modelled: proxies, 'login', cookies, Chromium's own headers and content decoding (listed in electron.ts).
 */
export class RuntimeClientRequest extends Writable {
  private url: URL;
  private method: string;
  private readonly headers: Record<string, string>;
  private readonly redirectPolicy: RedirectPolicy;
  private readonly body: Buffer[] = [];
  private readonly online: () => boolean;
  private current: http.ClientRequest | null = null;
  private response: RuntimeIncomingMessage | null = null;
  private followCallback: (() => void) | null = null;
  private aborted = false;

  constructor(options: ClientRequestConstructorOptions | string, online: () => boolean) {
    super();
    const parsed = typeof options === 'string' ? { url: options } : options;
    this.url = requestUrl(parsed);
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') throw new Error('ClientRequest only supports http: and https: protocols');
    this.method = (parsed.method ?? 'GET').toUpperCase();
    this.redirectPolicy = (parsed.redirect ?? 'follow') as RedirectPolicy;
    if (!['follow', 'error', 'manual'].includes(this.redirectPolicy)) throw new Error('redirect mode should be one of follow, error or manual');
    this.headers = Object.fromEntries(Object.entries(parsed.headers ?? {}).map(([name, value]) => [name, String(value)]));
    this.online = online;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.body.push(chunk);
    callback();
  }

  override _final(callback: () => void): void {
    this.start();
    callback();
  }

  followRedirect(): void {
    if (!this.followCallback) throw new Error('followRedirect() called, but was not waiting for a redirect');
    this.followCallback();
  }

  abort(): void {
    if (!this.aborted) process.nextTick(() => this.emit('abort'));
    this.aborted = true;
    this.current?.destroy();
    this.response?.destroy();
    this.destroy();
  }

  private die(error: Error): void {
    if (this.aborted) return;
    this.response?.destroy(error);
    this.current?.destroy();
    this.emit('error', error);
    this.destroy();
  }

  private start(): void {
    if (!this.online()) {
      process.nextTick(() => this.die(new Error('net::ERR_INTERNET_DISCONNECTED')));
      return;
    }
    const send = this.url.protocol === 'https:' ? https.request : http.request;
    const request = send(this.url, { method: this.method, headers: this.headers });
    this.current = request;
    request.on('error', (error) => this.die(netError(error)));
    request.on('response', (response) => this.received(response));
    request.end(this.body.length > 0 ? Buffer.concat(this.body) : undefined);
  }

  private received(response: http.IncomingMessage): void {
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      this.redirect(status, new URL(location, this.url));
      return;
    }
    const message = new RuntimeIncomingMessage(response);
    this.response = message;
    response.on('error', (error) => message.destroy(netError(error)));
    response.on('aborted', () => message.destroy(new Error('net::ERR_CONNECTION_RESET')));
    response.pipe(message);
    this.emit('response', message);
  }

  private redirect(status: number, target: URL): void {
    const method = status === 303 || ((status === 301 || status === 302) && this.method === 'POST') ? 'GET' : this.method;
    if (this.redirectPolicy === 'error') return this.die(new Error("Attempted to redirect, but redirect policy was 'error'"));
    let followed = this.redirectPolicy === 'follow';
    this.followCallback = () => (followed = true);
    try {
      this.emit('redirect', status, method, target.href, {});
    } finally {
      this.followCallback = null;
    }
    if (this.aborted) return;
    if (!followed) return this.die(new Error('Redirect was cancelled'));
    this.url = target;
    this.method = method;
    this.start();
  }
}
