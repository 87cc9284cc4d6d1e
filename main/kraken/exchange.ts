import { backoffDelayMs, isAutoRetryable, type BackoffPolicy } from './backoff.ts';
import { unwrapEnvelope } from './envelope.ts';
import { KrakenError, toKrakenError } from './errors.ts';
import type { Sleep } from './rate-limiter.ts';
import type { HttpRequest, HttpTransport, Timers } from './transport.ts';

/** HTTP exchanges with Kraken as both public and private calls make them. */
export interface Exchange {
  /** One exchange, body included, under the client's timeout; Kraken's envelope unwrapped to its result. */
  send(request: HttpRequest, signal: AbortSignal | undefined): Promise<unknown>;
  /** Runs `attempt` again after transient failures (rate limit, busy, 5xx, network), with backoff. */
  withRetries<T>(attempt: () => Promise<T>, signal: AbortSignal | undefined): Promise<T>;
}

export interface ExchangeConfig {
  readonly transport: HttpTransport;
  readonly timeoutMs: number;
  readonly timers: Timers;
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly backoff: BackoffPolicy;
}

export function createExchange(options: ExchangeConfig): Exchange {
  const { transport, timeoutMs, timers, now, sleep, backoff } = options;
  return {
    async send(request, signal) {
      const response = await transport(request, { timeoutMs, timers, signal });
      return unwrapEnvelope(response, now());
    },
    async withRetries(attempt, signal) {
      for (let retry = 0; ; retry += 1) {
        try {
          return await attempt();
        } catch (thrown) {
          const error = toKrakenError(thrown);
          if (!isAutoRetryable(error) || retry >= backoff.maxRetries || signal?.aborted) throw error;
          await sleep(backoffDelayMs(retry, backoff, error, now()), signal);
        }
      }
    },
  };
}

/** setTimeout as a Sleep: cancelled by the signal with an 'aborted' KrakenError. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new KrakenError('aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new KrakenError('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
