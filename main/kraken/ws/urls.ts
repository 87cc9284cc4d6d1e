import { DEFAULT_BASE_URL } from '../base-url.ts';

export const KRAKEN_WS_PUBLIC_URL = 'wss://ws.kraken.com/v2';
export const KRAKEN_WS_PRIVATE_URL = 'wss://ws-auth.kraken.com/v2';

export interface StreamUrls {
  readonly public: string;
  readonly private: string;
}

/**
 * The WebSocket endpoints that go with a REST base URL: Kraken's own for https://api.kraken.com; for any
 * other base (development and tests: the fake Kraken) the same host under /ws/v2 and /ws-auth/v2, which
 * is where e2e/fake-kraken serves them. Whatever may set the REST base URL decides these too.
 */
export function streamUrlsFor(baseUrl: string): StreamUrls {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  if (trimmed === DEFAULT_BASE_URL) return { public: KRAKEN_WS_PUBLIC_URL, private: KRAKEN_WS_PRIVATE_URL };
  const url = new URL(trimmed);
  const scheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { public: `${scheme}//${url.host}/ws/v2`, private: `${scheme}//${url.host}/ws-auth/v2` };
}
