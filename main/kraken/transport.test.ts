import { describe, expect, it } from 'vitest';
import { KrakenError } from './errors.ts';
import { createFetchTransport, type ExchangeOptions, type HttpRequest, type Timers } from './transport.ts';

const sendHttp = (request: HttpRequest, options: ExchangeOptions & { fetch: typeof fetch }) =>
  createFetchTransport(options.fetch)(request, options);

/** Timers that never fire on their own; the test fires them. */
function manualTimers(): Timers & { fire(): void; delays: number[]; cleared: number } {
  const pending = new Map<number, () => void>();
  const delays: number[] = [];
  let next = 0;
  const timers = {
    delays,
    cleared: 0,
    setTimeout(callback: () => void, ms: number) {
      delays.push(ms);
      next += 1;
      pending.set(next, callback);
      return next;
    },
    clearTimeout(handle: unknown) {
      if (pending.delete(handle as number)) timers.cleared += 1;
    },
    fire() {
      for (const callback of pending.values()) callback();
      pending.clear();
    },
  };
  return timers;
}

/** A fetch that hangs until its signal aborts, like a server that never answers. */
const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

const request = { url: 'http://127.0.0.1:1/0/public/Time', method: 'GET', headers: {} } as const;

describe('fetch transport', () => {
  it('returns status, text and Retry-After', async () => {
    const fetchOk: typeof fetch = async () => new Response('hello', { status: 429, headers: { 'Retry-After': '7' } });
    const timers = manualTimers();
    await expect(sendHttp(request, { fetch: fetchOk, timeoutMs: 15_000, timers }))
      .resolves.toEqual({ status: 429, text: 'hello', retryAfterMs: 7_000 });
    expect(timers.cleared).toBe(1);
  });

  it('times out with a typed error when the deadline passes', async () => {
    const timers = manualTimers();
    const pending = sendHttp(request, { fetch: hangingFetch, timeoutMs: 15_000, timers });
    expect(timers.delays).toEqual([15_000]);
    timers.fire();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KrakenError);
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect((error as KrakenError).message).toContain('15 s');
  });

  it('the deadline also covers a body that never finishes', async () => {
    const timers = manualTimers();
    const slowBody: typeof fetch = async (_input, init) =>
      new Response(new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"error":'));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      }));
    const pending = sendHttp(request, { fetch: slowBody, timeoutMs: 50, timers });
    await new Promise((resolve) => setImmediate(resolve));
    timers.fire();
    await expect(pending).rejects.toMatchObject({ code: 'timeout' });
  });

  it('is abortable by the caller', async () => {
    const controller = new AbortController();
    const pending = sendHttp(request, { fetch: hangingFetch, timeoutMs: 15_000, timers: manualTimers(), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    await expect(sendHttp(request, { fetch: hangingFetch, timeoutMs: 1, timers: manualTimers(), signal: AbortSignal.abort() }))
      .rejects.toMatchObject({ code: 'aborted' });
  });

  it('maps a failed connection to network', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    };
    const error = await sendHttp(request, { fetch: refused, timeoutMs: 1000, timers: manualTimers() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect((error as KrakenError).cause).toBeInstanceOf(TypeError);
  });

  it("maps Electron net.fetch's failures the same: net:: errors are network, an abort with the signal's reason is aborted or timeout", async () => {
    // Electron's net.fetch rejects with Chromium's error names, and with signal.reason (not an AbortError) on abort.
    const offline: typeof fetch = async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    };
    await expect(sendHttp(request, { fetch: offline, timeoutMs: 1000, timers: manualTimers() })).rejects.toMatchObject({ code: 'network', retryable: true });
    const hangsUntilAbortedWithReason: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const controller = new AbortController();
    const cancelled = sendHttp(request, { fetch: hangsUntilAbortedWithReason, timeoutMs: 15_000, timers: manualTimers(), signal: controller.signal });
    controller.abort(new Error('stopped by the app'));
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted' });
    const timers = manualTimers();
    const late = sendHttp(request, { fetch: hangsUntilAbortedWithReason, timeoutMs: 15_000, timers });
    timers.fire();
    await expect(late).rejects.toMatchObject({ code: 'timeout' });
  });
});
