import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fail, type Reply } from './envelope.ts';
import type { KeyState } from './keys.ts';

// Written independently of main/kraken/sign.ts on purpose: the fake must not share the code it checks.

export function expectedSignature(uriPath: string, nonce: string, rawBody: Buffer, secretBase64: string): string {
  const inner = createHash('sha256').update(Buffer.from(nonce, 'utf8')).update(rawBody).digest();
  const mac = createHmac('sha512', Buffer.from(secretBase64, 'base64'));
  mac.update(Buffer.from(uriPath, 'utf8'));
  mac.update(inner);
  return mac.digest('base64');
}

export function signatureMatches(uriPath: string, nonce: string, rawBody: Buffer, secretBase64: string, given: string): boolean {
  const want = Buffer.from(expectedSignature(uriPath, nonce, rawBody, secretBase64), 'utf8');
  const got = Buffer.from(given, 'utf8');
  return want.length === got.length && timingSafeEqual(want, got);
}

export interface PrivateBody {
  /** Digits exactly as they appear in the body. */
  readonly nonce: string | null;
  readonly params: ReadonlyMap<string, string>;
  readonly format: 'json' | 'form';
}

/**
 * Reads nonce and parameters the way Kraken accepts them: JSON (nonce as an integer, exact digits
 * taken from the raw text so a 64-bit value survives) or form-encoded.
 */
export function readPrivateBody(rawBody: Buffer, contentType: string): PrivateBody | null {
  const text = rawBody.toString('utf8');
  if (contentType.toLowerCase().startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const params = new Map<string, string>();
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'string') params.set(key, value);
    }
    const match = /"nonce"\s*:\s*(\d{1,20})\s*[,}]/.exec(text);
    return { nonce: match?.[1] ?? null, params, format: 'json' };
  }
  const form = new URLSearchParams(text);
  const params = new Map<string, string>(form.entries());
  const nonce = form.get('nonce');
  return { nonce: nonce !== null && /^\d{1,20}$/.test(nonce) ? nonce : null, params, format: 'form' };
}

export interface Authenticated {
  readonly state: KeyState | undefined;
  readonly nonce: string | null;
  readonly verified: boolean;
  readonly bodyFormat: 'json' | 'form' | null;
  readonly params: ReadonlyMap<string, string>;
  /** Set when the call is refused before it reaches the method. */
  readonly refusal: Reply | null;
}

/** Kraken's order of checks for a private call: key, nonce present, signature, nonce order. */
export function authenticate(req: IncomingMessage, path: string, rawBody: Buffer, state: KeyState | undefined): Authenticated {
  const parsed = readPrivateBody(rawBody, req.headers['content-type'] ?? '');
  const nonce = parsed?.nonce ?? null;
  const base = { state, nonce, bodyFormat: parsed?.format ?? null, params: parsed?.params ?? new Map<string, string>() };
  const sign = req.headers['api-sign'];
  if (state === undefined) return { ...base, verified: false, refusal: fail('EAPI:Invalid key') };
  if (parsed === null || nonce === null) return { ...base, verified: false, refusal: fail('EAPI:Invalid nonce') };
  if (typeof sign !== 'string' || !signatureMatches(path, nonce, rawBody, state.secret, sign)) {
    return { ...base, verified: false, refusal: fail('EAPI:Invalid signature') };
  }
  const value = BigInt(nonce);
  if (state.lastNonce !== null && value <= state.lastNonce) return { ...base, verified: true, refusal: fail('EAPI:Invalid nonce') };
  state.lastNonce = value;
  return { ...base, verified: true, refusal: null };
}
