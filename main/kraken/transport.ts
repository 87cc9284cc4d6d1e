import { KrakenError } from './errors.ts';
import type { HttpResponseText } from './envelope.ts';

// The seam between the client and HTTP. Two implementations: Node's node:http/node:https
// (node-transport.ts, the default: protocol and TLS handling stay in maintained runtime code, never
// hand-written here) and any WHATWG fetch (below), so Electron's net.fetch can be injected.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface ExchangeOptions {
  readonly timeoutMs: number;
  readonly timers: Timers;
  readonly signal?: AbortSignal;
}

/**
 * One HTTP exchange, body included, under one deadline. Implementations never throw anything but
 * KrakenError: 'aborted' when the caller cancelled, 'timeout' when the deadline hit, 'network' when
 * the connection failed, 'bad-response' when the bytes are not HTTP.
 */
export type HttpTransport = (request: HttpRequest, options: ExchangeOptions) => Promise<HttpResponseText>;

export function timeoutError(timeoutMs: number, cause?: unknown): KrakenError {
  return new KrakenError('timeout', { message: `Kraken did not answer within ${Math.round(timeoutMs / 1000)} s.`, cause });
}

/** Transport over a WHATWG fetch (Node's global fetch, Electron's net.fetch, or a test double). */
export function createFetchTransport(fetchImpl: typeof fetch): HttpTransport {
  return (request, options) => sendWithFetch(fetchImpl, request, options);
}

async function sendWithFetch(fetchImpl: typeof fetch, request: HttpRequest, options: ExchangeOptions): Promise<HttpResponseText> {
  const { signal } = options;
  if (signal?.aborted) throw new KrakenError('aborted');
  const controller = new AbortController();
  let timedOut = false;
  const timer = options.timers.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      redirect: 'error',
    });
    const text = await response.text();
    return { status: response.status, text, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  } catch (error) {
    if (timedOut) throw timeoutError(options.timeoutMs, error);
    if (signal?.aborted) throw new KrakenError('aborted', { cause: error });
    throw new KrakenError('network', { cause: error });
  } finally {
    options.timers.clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Retry-After in seconds (the HTTP-date form is ignored). */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d{1,6}$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
