// Incremental HTTP/1.1 response parser for the lean transport: status line, headers, and a body
// framed by Content-Length, chunked encoding, or connection close. Anything else is an error.

export interface ParsedResponse {
  readonly status: number;
  /** Only the framing headers plus Retry-After; lower-case names, repeats joined with ', '. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
  /** The connection may carry another request. */
  readonly reusable: boolean;
}

export interface ResponseParser {
  /** Feeds bytes; returns the response once complete. Throws HttpParseError on malformed input. */
  push(chunk: Buffer): ParsedResponse | null;
  /** The peer closed: completes a close-delimited body, else throws. */
  end(): ParsedResponse;
}

export class HttpParseError extends Error {
  override readonly name = 'HttpParseError';
}

export interface ParserLimits {
  readonly maxHeaderBytes: number;
  readonly maxBodyBytes: number;
}

export const DEFAULT_PARSER_LIMITS: ParserLimits = { maxHeaderBytes: 64 * 1024, maxBodyBytes: 32 * 1024 * 1024 };

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_RE = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/;

type State =
  | { kind: 'head' }
  | { kind: 'fixed'; remaining: number }
  | { kind: 'chunk-size' }
  | { kind: 'chunk-data'; remaining: number }
  | { kind: 'trailers' }
  | { kind: 'until-close' };

interface Head {
  readonly status: number;
  readonly headers: Map<string, string>;
  readonly reusable: boolean;
}

// The only headers the transport acts on; others are skipped without allocating.
const KEPT_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'content-encoding', 'retry-after']);

function parseHead(text: string): Head {
  let lineEnd = text.indexOf('\r\n');
  if (lineEnd < 0) lineEnd = text.length;
  const match = STATUS_RE.exec(text.slice(0, lineEnd));
  if (match === null) throw new HttpParseError('bad status line');
  const headers = new Map<string, string>();
  while (lineEnd < text.length) {
    const start = lineEnd + 2;
    lineEnd = text.indexOf('\r\n', start);
    if (lineEnd < 0) lineEnd = text.length;
    const colon = text.indexOf(':', start);
    if (colon <= start || colon > lineEnd) throw new HttpParseError('bad header line');
    const name = text.slice(start, colon).toLowerCase();
    if (!KEPT_HEADERS.has(name)) continue;
    const value = text.slice(colon + 1, lineEnd).trim();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }
  const connection = (headers.get('connection') ?? '').toLowerCase();
  const http11 = match[1] === '1';
  const reusable = http11 ? !connection.includes('close') : connection.includes('keep-alive');
  return { status: Number(match[2]), headers, reusable };
}

export function createResponseParser(requestMethod: string, limits: ParserLimits = DEFAULT_PARSER_LIMITS): ResponseParser {
  let buffer: Buffer = Buffer.alloc(0);
  let state: State = { kind: 'head' };
  let head: Head | null = null;
  const body: Buffer[] = [];
  let bodyBytes = 0;

  const takeBody = (bytes: Buffer): void => {
    bodyBytes += bytes.length;
    if (bodyBytes > limits.maxBodyBytes) throw new HttpParseError('body too large');
    body.push(bytes);
  };

  const finish = (reusable: boolean): ParsedResponse => {
    if (head === null) throw new HttpParseError('no response head');
    return { status: head.status, headers: head.headers, body: body.length === 1 ? (body[0] as Buffer) : Buffer.concat(body), reusable };
  };

  const startBody = (h: Head): State | 'done' => {
    const noBody = requestMethod === 'HEAD' || h.status === 204 || h.status === 304;
    if (noBody) return 'done';
    const transferEncoding = (h.headers.get('transfer-encoding') ?? '').toLowerCase();
    if (transferEncoding !== '') {
      if (transferEncoding !== 'chunked') throw new HttpParseError('unsupported transfer-encoding');
      return { kind: 'chunk-size' };
    }
    const length = h.headers.get('content-length');
    if (length !== undefined) {
      if (!/^\d{1,15}$/.test(length)) throw new HttpParseError('bad content-length');
      const remaining = Number(length);
      if (remaining > limits.maxBodyBytes) throw new HttpParseError('body too large');
      return remaining === 0 ? 'done' : { kind: 'fixed', remaining };
    }
    return { kind: 'until-close' };
  };

  // Returns a response when complete, null when more bytes are needed.
  const step = (): ParsedResponse | null => {
    for (;;) {
      switch (state.kind) {
        case 'head': {
          const end = buffer.indexOf(HEAD_END);
          if (end < 0) {
            if (buffer.length > limits.maxHeaderBytes) throw new HttpParseError('headers too large');
            return null;
          }
          if (end > limits.maxHeaderBytes) throw new HttpParseError('headers too large');
          const parsed = parseHead(buffer.subarray(0, end).toString('latin1'));
          buffer = buffer.subarray(end + 4);
          if (parsed.status >= 100 && parsed.status < 200) continue;
          head = parsed;
          const next = startBody(parsed);
          if (next === 'done') return finish(parsed.reusable && buffer.length === 0);
          state = next;
          continue;
        }
        case 'fixed': {
          if (buffer.length === 0) return null;
          const take = Math.min(state.remaining, buffer.length);
          takeBody(buffer.subarray(0, take));
          buffer = buffer.subarray(take);
          state = { kind: 'fixed', remaining: state.remaining - take };
          if (state.remaining === 0) return finish((head?.reusable ?? false) && buffer.length === 0);
          return null;
        }
        case 'chunk-size': {
          const end = buffer.indexOf(CRLF);
          if (end < 0) {
            if (buffer.length > 1024) throw new HttpParseError('bad chunk size');
            return null;
          }
          const sizeText = buffer.subarray(0, end).toString('latin1').split(';')[0]?.trim() ?? '';
          if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) throw new HttpParseError('bad chunk size');
          buffer = buffer.subarray(end + 2);
          const size = parseInt(sizeText, 16);
          state = size === 0 ? { kind: 'trailers' } : { kind: 'chunk-data', remaining: size };
          continue;
        }
        case 'chunk-data': {
          if (buffer.length < state.remaining + 2) return null;
          if (buffer[state.remaining] !== 0x0d || buffer[state.remaining + 1] !== 0x0a) throw new HttpParseError('bad chunk end');
          takeBody(buffer.subarray(0, state.remaining));
          buffer = buffer.subarray(state.remaining + 2);
          state = { kind: 'chunk-size' };
          continue;
        }
        case 'trailers': {
          const end = buffer.indexOf(CRLF);
          if (end < 0) {
            if (buffer.length > limits.maxHeaderBytes) throw new HttpParseError('trailers too large');
            return null;
          }
          buffer = buffer.subarray(end + 2);
          // An empty line ends the trailers; anything else is a trailer field we ignore.
          if (end === 0) return finish((head?.reusable ?? false) && buffer.length === 0);
          continue;
        }
        case 'until-close':
          if (buffer.length > 0) takeBody(buffer);
          buffer = Buffer.alloc(0);
          return null;
      }
    }
  };

  return {
    push(chunk) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      return step();
    },
    end() {
      if (state.kind === 'until-close') return finish(false);
      throw new HttpParseError('connection closed before the response was complete');
    },
  };
}
