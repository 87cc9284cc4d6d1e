import { describe, expect, it } from 'vitest';
import { unwrapEnvelope, type HttpResponseText } from './envelope.ts';
import { KrakenError } from './errors.ts';

const unwrap = (status: number, text: string, retryAfterMs?: number): unknown =>
  unwrapEnvelope({ status, text, retryAfterMs } satisfies HttpResponseText, 1_000);

const failure = (status: number, text: string, retryAfterMs?: number): KrakenError => {
  try {
    unwrap(status, text, retryAfterMs);
  } catch (error) {
    expect(error).toBeInstanceOf(KrakenError);
    return error as KrakenError;
  }
  throw new Error('expected a KrakenError');
};

const HTML_502 = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>';

describe('response envelope', () => {
  it('returns result on success', () => {
    expect(unwrap(200, '{"error":[],"result":{"ZUSD":"1.5"}}')).toEqual({ ZUSD: '1.5' });
  });

  it('ignores warnings', () => {
    expect(unwrap(200, '{"error":["WGeneral:Soon deprecated"],"result":1}')).toBe(1);
  });

  it('reads Kraken errors whatever the HTTP status', () => {
    expect(failure(200, '{"error":["EAPI:Invalid key"]}').code).toBe('invalid-key');
    const e = failure(500, '{"error":["EService:Unavailable"]}');
    expect(e.code).toBe('service-unavailable');
    expect(e.httpStatus).toBe(500);
  });

  it('maps an HTML 5xx page from the edge proxy', () => {
    expect(failure(502, HTML_502)).toMatchObject({ code: 'service-unavailable', httpStatus: 502, retryable: true });
    expect(failure(520, HTML_502)).toMatchObject({ code: 'http', httpStatus: 520, retryable: true });
    expect(failure(500, '')).toMatchObject({ code: 'http', httpStatus: 500 });
  });

  it('maps 429 to rate-limited and keeps Retry-After', () => {
    expect(failure(429, 'Too many requests', 5_000)).toMatchObject({ code: 'rate-limited', retryAt: 6_000, retryable: true });
  });

  it('maps other HTTP errors without a Kraken body', () => {
    expect(failure(404, 'Not found')).toMatchObject({ code: 'http', httpStatus: 404, retryable: false });
    expect(failure(403, '{"error":[]}')).toMatchObject({ code: 'http', httpStatus: 403 });
  });

  it('rejects malformed or incomplete JSON on 200 as bad-response', () => {
    for (const text of ['{"error":[],"result":{"ZUSD":"1', 'null', '[]', '"x"', '{"result":{}}', '{"error":"EAPI:Invalid key"}', '{"error":[1]}', '{"error":[]}']) {
      expect(failure(200, text).code).toBe('bad-response');
    }
  });

  it('does not echo the body in the message', () => {
    const e = failure(200, '<html>secret-looking page</html>');
    expect(e.message).not.toContain('secret-looking');
  });
});
