import type { Reply } from './envelope.ts';
import { fail } from './envelope.ts';
import type { FakeFault } from './faults.ts';

const htmlPage = (status: number, title: string): string =>
  `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>cloudflare</p></body></html>\n`;

/**
 * The answer a REST fault gives instead of the normal one, with the error strings to record; null for
 * faults that are not an answer ('reset', 'delay' and 'hold' act on the connection; the server handles them).
 */
export function faultReply(fault: FakeFault): { reply: Reply; errors: readonly string[] } | null {
  switch (fault.type) {
    case 'kraken-error':
      return { reply: fail(fault.error, fault.status), errors: [fault.error] };
    case 'html':
      return { reply: { status: fault.status, body: htmlPage(fault.status, 'Bad gateway'), contentType: 'text/html' }, errors: ['html'] };
    case 'too-many-requests':
      return {
        reply: {
          status: 429,
          body: htmlPage(429, 'Too Many Requests'),
          contentType: 'text/html',
          headers: fault.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(fault.retryAfterSeconds) },
        },
        errors: ['429'],
      };
    case 'malformed-json':
      return { reply: { status: 200, body: '{"error":[],"result":{"ZUSD":"171288.61', contentType: 'application/json' }, errors: ['malformed-json'] };
    case 'raw':
      return { reply: { status: fault.status, body: fault.body, contentType: fault.contentType ?? 'application/json' }, errors: ['raw'] };
    case 'reset':
    case 'delay':
    case 'hold':
      return null;
  }
}
