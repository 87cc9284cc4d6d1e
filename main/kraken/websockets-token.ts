import { KrakenError } from './errors.ts';
import { isRecord, ownValue } from './safe-json.ts';

/** POST /0/private/GetWebSocketsToken: a token for private WebSocket subscriptions. */
export interface WebSocketsToken {
  /** A credential for this key's private streams: send it only in a subscribe request, never log it. */
  readonly token: string;
  /** Kraken: use it within this many seconds (900); it stays valid while a subscription holds it. */
  readonly expiresInSeconds: number;
}

const TOKEN_RE = /^[A-Za-z0-9+/=_-]{16,256}$/;

export function parseWebSocketsToken(result: unknown): WebSocketsToken {
  const token = isRecord(result) ? ownValue(result, 'token') : undefined;
  const expires = isRecord(result) ? ownValue(result, 'expires') : undefined;
  if (typeof token !== 'string' || !TOKEN_RE.test(token) || typeof expires !== 'number' || !Number.isInteger(expires) || expires <= 0) {
    throw new KrakenError('bad-response', { message: 'Kraken\'s WebSocket token is not readable.', retryable: false });
  }
  return { token, expiresInSeconds: expires };
}
