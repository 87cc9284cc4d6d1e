import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import { KrakenError } from './errors.ts';

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes the API secret once into a KeyObject (cheaper per HMAC than a Buffer, and not a plain
 * byte array lying around); strict, because Buffer.from(..., 'base64') silently skips garbage.
 */
export function decodeApiSecret(apiSecret: string): KeyObject {
  const trimmed = apiSecret.trim();
  if (trimmed === '' || !BASE64_RE.test(trimmed)) throw new KrakenError('invalid-secret');
  return createSecretKey(Buffer.from(trimmed, 'base64'));
}

/**
 * API-Sign = base64(HMAC-SHA512(secret, path ++ SHA256(nonce ++ body))).
 * `body` must be the exact string that goes on the wire (JSON or form-encoded alike).
 */
export function signRequest(uriPath: string, nonce: string, body: string, secret: KeyObject): string {
  const digest = hash('sha256', nonce + body, 'buffer');
  return createHmac('sha512', secret).update(uriPath).update(digest).digest('base64');
}

/**
 * Serialises a private request body as JSON with the nonce as an unquoted integer. JSON.stringify
 * cannot write a 64-bit integer exactly, so the nonce is spliced in as text.
 */
export function privateJsonBody(nonce: string, params: Readonly<Record<string, string>>): string {
  if (!/^\d{1,20}$/.test(nonce)) throw new RangeError('nonce must be a decimal integer string');
  let body = '{"nonce":' + nonce;
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value !== undefined) body += ',' + JSON.stringify(key) + ':' + JSON.stringify(value);
  }
  return body + '}';
}
