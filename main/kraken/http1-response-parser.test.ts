import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResponseParser, HttpParseError, type ParsedResponse } from './http1-response-parser.ts';

/** Feeds `raw` split at the given offsets; returns the response, or 'incomplete'. */
function parse(raw: string | Buffer, cuts: number[] = [], method = 'GET', atEnd = false): ParsedResponse | 'incomplete' {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw;
  const parser = createResponseParser(method);
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  let start = 0;
  for (const end of [...points, bytes.length]) {
    const result = parser.push(bytes.subarray(start, end));
    if (result !== null) return result;
    start = end;
  }
  return atEnd ? parser.end() : 'incomplete';
}

const body = (r: ParsedResponse | 'incomplete'): string => (r === 'incomplete' ? r : r.body.toString('utf8'));

const FIXED = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 25\r\nRetry-After: 3\r\n\r\n{"error":[],"result":"\u00e9"}';
const CHUNKED = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\n{"err\r\n11\r\nor":[],"result":1\r\n1\r\n}\r\n0\r\nX-Trailer: a\r\n\r\n';

describe('HTTP/1.1 response parser', () => {
  it('reads a Content-Length body and keeps only framing headers', () => {
    const response = parse(FIXED);
    expect(response).not.toBe('incomplete');
    if (response === 'incomplete') return;
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(25);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.has('content-type')).toBe(false);
    expect(response.reusable).toBe(true);
  });

  it('reads chunked bodies with extensions and trailers', () => {
    expect(body(parse(CHUNKED))).toBe('{"error":[],"result":1}');
  });

  it('gives the same answer however the bytes are split', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 200 }), { maxLength: 12 }), (cuts) => {
      expect(body(parse(FIXED, cuts))).toBe(body(parse(FIXED)));
      expect(body(parse(CHUNKED, cuts))).toBe('{"error":[],"result":1}');
    }), { numRuns: 300 });
  });

  it('skips 1xx responses', () => {
    expect(body(parse('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'))).toBe('ok');
  });

  it('handles responses without a body', () => {
    expect(parse('HTTP/1.1 204 No Content\r\n\r\n')).toMatchObject({ status: 204, reusable: true });
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n', [], 'HEAD')).toMatchObject({ status: 200 });
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ status: 200 });
  });

  it('reads a close-delimited body when the peer ends', () => {
    const response = parse('HTTP/1.0 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<html>bad</html>', [], 'GET', true);
    expect(response).toMatchObject({ status: 502, reusable: false });
    expect(body(response)).toBe('<html>bad</html>');
  });

  it('knows when the connection may be reused', () => {
    expect(parse('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ reusable: false });
    expect(parse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ reusable: false });
    expect(parse('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ reusable: true });
    // Extra bytes after the response: something is off, do not reuse.
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxy')).toMatchObject({ reusable: false });
  });

  it.each([
    ['a bad status line', 'HTTP/2 200 OK\r\n\r\n'],
    ['a header without colon', 'HTTP/1.1 200 OK\r\nBroken\r\n\r\n'],
    ['a bad content-length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'],
    ['two framings at once', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n'],
    ['an unsupported transfer-encoding', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a bad chunk end', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nxyz'],
  ])('rejects %s', (_label, raw) => {
    expect(() => parse(raw)).toThrow(HttpParseError);
  });

  it('enforces header and body limits', () => {
    const parser = createResponseParser('GET', { maxHeaderBytes: 100, maxBodyBytes: 10 });
    expect(() => parser.push(Buffer.from('HTTP/1.1 200 OK\r\nX: ' + 'a'.repeat(200)))).toThrow(HttpParseError);
    const small = createResponseParser('GET', { maxHeaderBytes: 100, maxBodyBytes: 10 });
    expect(() => small.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n'))).toThrow(HttpParseError);
    const chunked = createResponseParser('GET', { maxHeaderBytes: 100, maxBodyBytes: 10 });
    expect(() => chunked.push(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n01234567890\r\n'))).toThrow(HttpParseError);
  });

  it('an early close is an error, not a short body', () => {
    const parser = createResponseParser('GET');
    parser.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'));
    expect(() => parser.end()).toThrow(HttpParseError);
  });

  it('never throws anything but HttpParseError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, prefix) => {
      const raw = prefix ? Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\n'), bytes]) : Buffer.from(bytes);
      try {
        parse(raw, [7, 19], 'GET', true);
      } catch (error) {
        expect(error).toBeInstanceOf(HttpParseError);
      }
    }), { numRuns: 2000 });
  });
});
