import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { HttpResponseText } from './envelope.ts';
import { KrakenError } from './errors.ts';
import { createResponseParser, HttpParseError, type ParsedResponse } from './http1-response-parser.ts';
import { parseRetryAfter, timeoutError, type ExchangeOptions, type HttpRequest, type HttpTransport } from './transport.ts';

// Why not fetch or node:http: one Kraken call is a few hundred bytes each way, and on loopback the
// generic stacks spend 3–5x more CPU on streams and header objects than the exchange itself needs.
// This client speaks exactly the HTTP/1.1 subset Kraken answers with, over plain TCP or TLS
// (certificates verified by Node's defaults), and reuses connections.

export interface Http1TransportOptions {
  /** Idle connections older than this are not reused (servers close idle ones, often after 5 s). */
  readonly idleTimeoutMs?: number;
  readonly maxIdlePerOrigin?: number;
  /** Trust these CA certificates instead of Node's bundled roots (tests, TLS-inspecting proxies). */
  readonly ca?: string | readonly string[];
}

export interface Http1Transport extends HttpTransport {
  /** Closes idle connections. In-flight requests finish or fail on their own. */
  close(): void;
}

interface Origin {
  readonly key: string;
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly hostHeader: string;
}

interface Target {
  readonly origin: Origin;
  /** Path and query, as sent on the request line. */
  readonly path: string;
}

const SAFE_HEADER_RE = /^[\t\x20-\x7e]*$/;
const origins = new Map<string, Origin>();
const targets = new Map<string, Target>();
const MAX_CACHED_TARGETS = 256;

// A client calls the same few URLs over and over, so parsing is done once per URL.
function targetOf(rawUrl: string): Target {
  const cached = targets.get(rawUrl);
  if (cached !== undefined) return cached;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch (error) {
    throw new KrakenError('network', { message: 'The Kraken URL is not valid.', retryable: false, cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KrakenError('network', { message: `Unsupported URL scheme ${url.protocol}`, retryable: false });
  }
  const key = `${url.protocol}//${url.host}`;
  let origin = origins.get(key);
  if (origin === undefined) {
    const secure = url.protocol === 'https:';
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    origin = { key, secure, host, port: Number(url.port || (secure ? 443 : 80)), hostHeader: url.host };
    origins.set(key, origin);
  }
  const target = { origin, path: url.pathname + url.search };
  if (targets.size >= MAX_CACHED_TARGETS) targets.clear();
  targets.set(rawUrl, target);
  return target;
}

/** What a connection's permanent listeners forward to while a request is in flight. */
interface ActiveExchange {
  data(chunk: Buffer): void;
  end(): void;
  close(): void;
  error(error: Error): void;
}

interface Connection {
  readonly socket: Socket;
  readonly origin: Origin;
  active: ActiveExchange | null;
  parkedAt: number;
}

// Listeners are attached once per connection and dispatch to the request in flight, so a kept-alive
// connection costs no listener bookkeeping per request; while parked, any event retires it.
function open(origin: Origin, ca: string | readonly string[] | undefined, retire: (connection: Connection) => void): Connection {
  const socket = origin.secure
    ? connectTls({
      host: origin.host,
      port: origin.port,
      servername: isIP(origin.host) === 0 ? origin.host : undefined,
      ALPNProtocols: ['http/1.1'],
      ...(ca === undefined ? {} : { ca: typeof ca === 'string' ? ca : [...ca] }),
    })
    : connectTcp({ host: origin.host, port: origin.port });
  socket.setNoDelay(true);
  const connection: Connection = { socket, origin, active: null, parkedAt: 0 };
  socket.on('data', (chunk: Buffer) => (connection.active === null ? retire(connection) : connection.active.data(chunk)));
  socket.on('end', () => (connection.active === null ? retire(connection) : connection.active.end()));
  socket.on('close', () => (connection.active === null ? retire(connection) : connection.active.close()));
  // Also keeps a late error on an abandoned connection from becoming an uncaught exception.
  socket.on('error', (error) => connection.active?.error(error));
  return connection;
}

function serialise(request: HttpRequest, target: Target): string {
  let head = `${request.method} ${target.path} HTTP/1.1\r\nHost: ${target.origin.hostHeader}\r\nConnection: keep-alive\r\nAccept-Encoding: gzip, deflate, br\r\n`;
  for (const name of Object.keys(request.headers)) {
    const value = request.headers[name] ?? '';
    // A CR/LF in a header (e.g. a pasted key with a newline) would let text forge extra headers.
    if (!SAFE_HEADER_RE.test(name) || !SAFE_HEADER_RE.test(value)) throw new KrakenError('invalid-key', { message: 'A request header contains characters that cannot be sent.' });
    head += `${name}: ${value}\r\n`;
  }
  const body = request.body ?? '';
  if (request.body !== undefined || request.method === 'POST') head += `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  return head + '\r\n' + body;
}

function decodeBody(response: ParsedResponse): string {
  const encoding = (response.headers.get('content-encoding') ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return response.body.toString('utf8');
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(response.body).toString('utf8');
    case 'deflate':
      return inflateSync(response.body).toString('utf8');
    case 'br':
      return brotliDecompressSync(response.body).toString('utf8');
    default:
      throw new HttpParseError(`unsupported content-encoding ${encoding}`);
  }
}

export function createHttp1Transport(options: Http1TransportOptions = {}): Http1Transport {
  const idleTimeoutMs = options.idleTimeoutMs ?? 4_000;
  const maxIdle = options.maxIdlePerOrigin ?? 4;
  const idle = new Map<string, Connection[]>();

  const retire = (connection: Connection): void => {
    const list = idle.get(connection.origin.key);
    const index = list?.indexOf(connection) ?? -1;
    if (list !== undefined && index >= 0) list.splice(index, 1);
    connection.socket.destroy();
  };

  const park = (connection: Connection): void => {
    connection.active = null;
    const list = idle.get(connection.origin.key) ?? [];
    if (list.length >= maxIdle || connection.socket.destroyed) {
      connection.socket.destroy();
      return;
    }
    connection.parkedAt = performance.now();
    connection.socket.unref();
    list.push(connection);
    idle.set(connection.origin.key, list);
  };

  // Age is checked on reuse instead of with a timer per parked connection.
  const checkout = (origin: Origin): Connection => {
    const list = idle.get(origin.key);
    const now = performance.now();
    while (list !== undefined && list.length > 0) {
      const connection = list.pop() as Connection;
      if (!connection.socket.destroyed && connection.socket.writable && now - connection.parkedAt <= idleTimeoutMs) {
        connection.socket.ref();
        return connection;
      }
      connection.socket.destroy();
    }
    return open(origin, options.ca, retire);
  };

  const transport = ((request: HttpRequest, exchange: ExchangeOptions): Promise<HttpResponseText> => {
    const { signal } = exchange;
    if (signal?.aborted) return Promise.reject(new KrakenError('aborted'));
    let origin: Origin;
    let wire: string;
    try {
      const target = targetOf(request.url);
      origin = target.origin;
      wire = serialise(request, target);
    } catch (error) {
      return Promise.reject(error instanceof KrakenError ? error : new KrakenError('network', { retryable: false, cause: error }));
    }

    return new Promise<HttpResponseText>((resolve, reject) => {
      const connection = checkout(origin);
      const parser = createResponseParser(request.method);
      let settled = false;

      const settle = (): void => {
        settled = true;
        exchange.timers.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (error: KrakenError): void => {
        if (settled) return;
        settle();
        connection.active = null;
        connection.socket.destroy();
        reject(error);
      };
      const complete = (response: ParsedResponse): void => {
        if (settled) return;
        let text: string;
        try {
          text = decodeBody(response);
        } catch (error) {
          fail(new KrakenError('bad-response', { message: 'Kraken\'s response could not be decoded.', httpStatus: response.status, cause: error }));
          return;
        }
        settle();
        if (response.reusable) park(connection);
        else {
          connection.active = null;
          connection.socket.destroy();
        }
        resolve({ status: response.status, text, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
      };
      const onAbort = (): void => fail(new KrakenError('aborted'));
      const timer = exchange.timers.setTimeout(() => fail(timeoutError(exchange.timeoutMs)), exchange.timeoutMs);

      connection.active = {
        data(chunk) {
          try {
            const response = parser.push(chunk);
            if (response !== null) complete(response);
          } catch (error) {
            fail(error instanceof HttpParseError
              ? new KrakenError('bad-response', { message: 'Kraken\'s response is not valid HTTP.', cause: error })
              : new KrakenError('network', { cause: error }));
          }
        },
        end() {
          try {
            complete(parser.end());
          } catch (error) {
            fail(new KrakenError('network', { message: 'Kraken closed the connection early.', cause: error }));
          }
        },
        close: () => fail(new KrakenError('network', { message: 'Kraken closed the connection early.' })),
        error: (error) => fail(new KrakenError('network', { cause: error })),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      connection.socket.write(wire);
    });
  }) as Http1Transport;

  transport.close = () => {
    for (const list of idle.values()) for (const connection of list.splice(0)) connection.socket.destroy();
  };
  return transport;
}
