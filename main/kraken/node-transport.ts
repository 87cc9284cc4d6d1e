import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import type { HttpResponseText } from './envelope.ts';
import { KrakenError } from './errors.ts';
import { strictTls } from './strict-tls.ts';
import { parseRetryAfter, timeoutError, type ExchangeOptions, type HttpRequest, type HttpTransport } from './transport.ts';

// The wire protocol (HTTP/1.1 framing, chunked bodies, TLS, connection reuse) is left entirely to
// Node's node:http/node:https, which are maintained and security-patched with the runtime; an app
// holding exchange keys should not carry its own parser. This file only adds what Kraken calls need
// on top: one deadline, cancellation, a body size cap, and mapping every failure to a KrakenError.

export interface NodeTransportOptions {
  /** Largest body accepted, both as received and after decompression. Default 8 MiB. */
  readonly maxBodyBytes?: number;
  /** Idle kept-alive connections are closed after this; below the common 5 s server keep-alive. Default 4 000. */
  readonly idleSocketMs?: number;
  /** Trust these CA certificates instead of Node's bundled roots (tests). */
  readonly ca?: string | readonly string[];
}

export interface NodeTransport extends HttpTransport {
  /** Closes idle connections. In-flight requests finish or fail on their own. */
  close(): void;
}

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_IDLE_SOCKET_MS = 4_000;
// A refresh makes at most a handful of parallel calls; more than this waits for a free connection.
const MAX_SOCKETS_PER_ORIGIN = 6;
const MAX_CACHED_TARGETS = 256;

interface Target {
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: number;
  /** Path and query. */
  readonly path: string;
}

function parseTarget(rawUrl: string): Target {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch (error) {
    throw new KrakenError('network', { message: 'The Kraken URL is not valid.', retryable: false, cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KrakenError('network', { message: `Unsupported URL scheme ${url.protocol}`, retryable: false });
  }
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { secure, hostname, port: Number(url.port || (secure ? 443 : 80)), path: url.pathname + url.search };
}

// Compression is asked for because the market lists are large (AssetPairs lists every pair: hundreds
// of kilobytes of JSON, fetched by every client); answers are decoded on libuv's thread pool rather
// than blocking the main process, with the same cap on the decoded size (no zip bombs).
type Inflate = (buffer: Buffer, options: ZlibOptions, callback: (error: Error | null, result: Buffer) => void) => void;
const DECODERS: Readonly<Record<string, Inflate>> = { gzip: gunzip, 'x-gzip': gunzip, deflate: inflate, br: brotliDecompress };
const ACCEPT_ENCODING = 'gzip, deflate, br';

function decodeBody(body: Buffer, encoding: string | undefined, maxBytes: number): string | Promise<string> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return body.toString('utf8');
  const decoder = DECODERS[name];
  if (decoder === undefined) return Promise.reject(new Error(`unsupported content-encoding ${name}`));
  return new Promise((resolve, reject) => {
    decoder(body, { maxOutputLength: maxBytes }, (error, result) => (error === null ? resolve(result.toString('utf8')) : reject(error)));
  });
}

const tooLarge = (cause?: unknown): KrakenError =>
  new KrakenError('bad-response', { message: 'Kraken\'s response is too large.', retryable: false, cause });

const closedEarly = (cause?: unknown): KrakenError =>
  new KrakenError('network', { message: 'Kraken closed the connection early.', cause });

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What Node's client raised before or while reading the response head. */
function requestError(error: unknown): KrakenError {
  // llhttp's codes: the peer answered with bytes that are not HTTP.
  if (errorCode(error)?.startsWith('HPE_') === true) {
    return new KrakenError('bad-response', { message: 'Kraken\'s response is not valid HTTP.', cause: error });
  }
  return new KrakenError('network', { cause: error });
}

/** http.request validates headers synchronously; a CR/LF in the pasted key must not forge headers. */
function setupError(error: unknown): KrakenError {
  const code = errorCode(error);
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') {
    return new KrakenError('invalid-key', { message: 'A request header contains characters that cannot be sent.', cause: error });
  }
  return new KrakenError('network', { retryable: false, cause: error });
}

/** A kept-alive socket the server had already closed: the request never reached it. */
const isStaleSocket = (request: ClientRequest, error: unknown): boolean =>
  request.reusedSocket && (errorCode(error) === 'ECONNRESET' || errorCode(error) === 'EPIPE');

export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const agentOptions = {
    keepAlive: true,
    maxSockets: MAX_SOCKETS_PER_ORIGIN,
    maxFreeSockets: MAX_SOCKETS_PER_ORIGIN,
    timeout: options.idleSocketMs ?? DEFAULT_IDLE_SOCKET_MS,
  };
  let httpAgent: HttpAgent | null = null;
  let httpsAgent: HttpsAgent | null = null;
  const agentFor = (secure: boolean): HttpAgent =>
    secure ? (httpsAgent ??= new HttpsAgent({ ...agentOptions, ...strictTls(options.ca) })) : (httpAgent ??= new HttpAgent(agentOptions));

  // A client calls the same few URLs over and over, so each is parsed once.
  const targets = new Map<string, Target>();
  const targetOf = (rawUrl: string): Target => {
    let target = targets.get(rawUrl);
    if (target === undefined) {
      target = parseTarget(rawUrl);
      if (targets.size >= MAX_CACHED_TARGETS) targets.clear();
      targets.set(rawUrl, target);
    }
    return target;
  };

  const transport = ((request: HttpRequest, exchange: ExchangeOptions): Promise<HttpResponseText> => {
    if (exchange.signal?.aborted) return Promise.reject(new KrakenError('aborted'));
    let target: Target;
    try {
      target = targetOf(request.url);
    } catch (error) {
      return Promise.reject(error);
    }
    return exchangeOnce(request, target, agentFor(target.secure), exchange, maxBodyBytes);
  }) as NodeTransport;

  transport.close = () => {
    for (const agent of [httpAgent, httpsAgent]) {
      if (agent === null) continue;
      for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
    }
  };
  return transport;
}

/** How one exchange ends: exactly once, with a response or a KrakenError. */
interface Outcome {
  succeed(response: HttpResponseText): void;
  fail(error: KrakenError): void;
}

/** One request and its whole response under one deadline, cancellable by the caller's signal. */
function exchangeOnce(request: HttpRequest, target: Target, agent: HttpAgent, exchange: ExchangeOptions, maxBodyBytes: number): Promise<HttpResponseText> {
  const { signal, timers, timeoutMs } = exchange;
  const headers: OutgoingHttpHeaders = { 'Accept-Encoding': ACCEPT_ENCODING, ...request.headers };
  if (request.body !== undefined || request.method === 'POST') headers['Content-Length'] = Buffer.byteLength(request.body ?? '');

  return new Promise<HttpResponseText>((resolve, reject) => {
    let settled = false;
    let current: ClientRequest | null = null;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      timers.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const outcome: Outcome = {
      succeed: (response) => {
        if (finish()) resolve(response);
      },
      fail: (error) => {
        if (!finish()) return;
        current?.destroy();
        reject(error);
      },
    };
    const onAbort = (): void => outcome.fail(new KrakenError('aborted'));
    const timer = timers.setTimeout(() => outcome.fail(timeoutError(timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    // An idempotent GET whose kept-alive connection turned out to be closed is sent once more on a
    // fresh one; a POST is not, because its nonce is spent: the client retries it with a new one.
    const send = (staleRetries: number): void => {
      let outgoing: ClientRequest;
      try {
        outgoing = (target.secure ? httpsRequest : httpRequest)({
          hostname: target.hostname,
          port: target.port,
          path: target.path,
          method: request.method,
          headers,
          agent,
          // Also on the request: an option set here is what tls.connect sees (strict-tls.ts).
          ...(target.secure ? { rejectUnauthorized: true } : {}),
        });
      } catch (error) {
        outcome.fail(setupError(error));
        return;
      }
      current = outgoing;
      outgoing.on('response', (response: IncomingMessage) => readResponse(response, maxBodyBytes, outcome));
      outgoing.on('error', (error) => {
        if (settled || outgoing !== current) return;
        if (staleRetries > 0 && isStaleSocket(outgoing, error)) send(staleRetries - 1);
        else outcome.fail(requestError(error));
      });
      outgoing.end(request.body);
    };
    send(request.method === 'GET' ? 1 : 0);
  });
}

/** Collects the body under the size cap, then decodes it (off the main thread when compressed). */
function readResponse(response: IncomingMessage, maxBodyBytes: number, outcome: Outcome): void {
  const status = response.statusCode ?? 0;
  const declared = Number(response.headers['content-length']);
  if (declared > maxBodyBytes) {
    outcome.fail(tooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBodyBytes) outcome.fail(tooLarge());
    else chunks.push(chunk);
  });
  response.on('error', (error) => outcome.fail(closedEarly(error)));
  response.on('close', () => {
    if (!response.complete) outcome.fail(closedEarly());
  });
  response.on('end', () => {
    const done = (text: string): void => outcome.succeed({ status, text, retryAfterMs: parseRetryAfter(response.headers['retry-after']) });
    const undecodable = (error: unknown): void =>
      outcome.fail(errorCode(error) === 'ERR_BUFFER_TOO_LARGE'
        ? tooLarge(error)
        : new KrakenError('bad-response', { message: 'Kraken\'s response could not be decoded.', httpStatus: status, cause: error }));
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
    try {
      const text = decodeBody(body, response.headers['content-encoding'], maxBodyBytes);
      if (typeof text === 'string') done(text);
      else text.then(done, undecodable);
    } catch (error) {
      undecodable(error);
    }
  });
}
