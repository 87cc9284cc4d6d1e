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

const SAFE_HEADER_RE = /^[\t\x20-\x7e]*$/;
const origins = new Map<string, Origin>();

function originOf(url: URL): Origin {
  const key = `${url.protocol}//${url.host}`;
  let origin = origins.get(key);
  if (origin === undefined) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new KrakenError('network', { message: `Unsupported URL scheme ${url.protocol}`, retryable: false });
    }
    const secure = url.protocol === 'https:';
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    origin = { key, secure, host, port: Number(url.port || (secure ? 443 : 80)), hostHeader: url.host };
    origins.set(key, origin);
  }
  return origin;
}

function connect(origin: Origin, ca: string | readonly string[] | undefined): Socket {
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
  // A late error on a connection we already gave up on must not become an uncaught exception;
  // while a request is in flight its own listener reports errors.
  socket.on('error', ignore);
  // Only armed while parked (see park); in flight, our own deadline applies.
  socket.on('timeout', () => socket.destroy());
  return socket;
}

const ignore = (): void => undefined;

function serialise(request: HttpRequest, url: URL, origin: Origin): string {
  let head = `${request.method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${origin.hostHeader}\r\nConnection: keep-alive\r\nAccept-Encoding: gzip, deflate, br\r\n`;
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
  const idle = new Map<string, Socket[]>();
  const idleListeners = new WeakMap<Socket, () => void>();

  const forget = (origin: Origin, socket: Socket): void => {
    const list = idle.get(origin.key);
    const index = list?.indexOf(socket) ?? -1;
    if (list !== undefined && index >= 0) list.splice(index, 1);
  };

  const park = (origin: Origin, socket: Socket): void => {
    const list = idle.get(origin.key) ?? [];
    if (list.length >= maxIdle || socket.destroyed) {
      socket.destroy();
      return;
    }
    list.push(socket);
    idle.set(origin.key, list);
    socket.unref();
    socket.setTimeout(idleTimeoutMs);
    // Bytes or a close while idle mean the server is done with this connection.
    const drop = (): void => {
      forget(origin, socket);
      socket.destroy();
    };
    idleListeners.set(socket, drop);
    socket.on('data', drop).on('end', drop).on('close', drop);
  };

  const checkout = (origin: Origin): Socket => {
    const list = idle.get(origin.key);
    while (list !== undefined && list.length > 0) {
      const socket = list.pop() as Socket;
      const drop = idleListeners.get(socket);
      if (drop !== undefined) socket.off('data', drop).off('end', drop).off('close', drop);
      socket.setTimeout(0);
      if (!socket.destroyed && socket.writable) {
        socket.ref();
        return socket;
      }
      socket.destroy();
    }
    return connect(origin, options.ca);
  };

  const transport = ((request: HttpRequest, exchange: ExchangeOptions): Promise<HttpResponseText> => {
    const { signal } = exchange;
    if (signal?.aborted) return Promise.reject(new KrakenError('aborted'));
    let url: URL;
    let origin: Origin;
    let wire: string;
    try {
      url = new URL(request.url);
      origin = originOf(url);
      wire = serialise(request, url, origin);
    } catch (error) {
      return Promise.reject(error instanceof KrakenError ? error : new KrakenError('network', { message: 'The Kraken URL is not valid.', retryable: false, cause: error }));
    }

    return new Promise<HttpResponseText>((resolve, reject) => {
      const socket = checkout(origin);
      const parser = createResponseParser(request.method);
      let settled = false;

      const cleanup = (): void => {
        exchange.timers.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      };
      const fail = (error: KrakenError): void => {
        if (settled) return;
        settled = true;
        cleanup();
        socket.destroy();
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
        settled = true;
        cleanup();
        if (response.reusable) park(origin, socket);
        else socket.destroy();
        resolve({ status: response.status, text, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
      };
      const parseFailure = (error: unknown): KrakenError =>
        error instanceof HttpParseError
          ? new KrakenError('bad-response', { message: 'Kraken\'s response is not valid HTTP.', cause: error })
          : new KrakenError('network', { cause: error });

      const onData = (chunk: Buffer): void => {
        try {
          const response = parser.push(chunk);
          if (response !== null) complete(response);
        } catch (error) {
          fail(parseFailure(error));
        }
      };
      const onEnd = (): void => {
        try {
          complete(parser.end());
        } catch (error) {
          fail(error instanceof HttpParseError ? new KrakenError('network', { message: 'Kraken closed the connection early.', cause: error }) : parseFailure(error));
        }
      };
      const onError = (error: Error): void => fail(new KrakenError('network', { cause: error }));
      const onClose = (): void => fail(new KrakenError('network', { message: 'Kraken closed the connection early.' }));
      const onAbort = (): void => fail(new KrakenError('aborted'));
      const timer = exchange.timers.setTimeout(() => fail(timeoutError(exchange.timeoutMs)), exchange.timeoutMs);

      socket.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.write(wire);
    });
  }) as Http1Transport;

  transport.close = () => {
    for (const list of idle.values()) for (const socket of list.splice(0)) socket.destroy();
  };
  return transport;
}
