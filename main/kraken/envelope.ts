import { KrakenError, isKrakenFailure, krakenErrorFromStrings } from './errors.ts';
import { isRecord, ownValue, parseJson } from './safe-json.ts';

export interface HttpResponseText {
  readonly status: number;
  readonly text: string;
  /** Parsed Retry-After header, if any. */
  readonly retryAfterMs?: number;
}

/**
 * Unwraps Kraken's `{ error: string[], result }` envelope. Kraken's HTTP status is not reliable
 * (errors arrive with 200, edge-proxy pages with 5xx/429 and HTML), so the body is read first and the
 * status only decides when the body says nothing.
 */
export function unwrapEnvelope(response: HttpResponseText, now: number): unknown {
  const parsed = parseJson(response.text);
  if (!parsed.ok || !isRecord(parsed.value)) throw errorForStatus(response, now, 'not-json');
  const envelope = parsed.value;
  const errors = ownValue(envelope, 'error');
  if (!Array.isArray(errors) || !errors.every((e): e is string => typeof e === 'string')) {
    throw errorForStatus(response, now, 'no-error-array');
  }
  if (errors.some(isKrakenFailure)) {
    const error = krakenErrorFromStrings(errors, response.status);
    if (error.code === 'rate-limited' && response.retryAfterMs !== undefined) {
      return throwWithRetryAt(error, now + response.retryAfterMs);
    }
    throw error;
  }
  if (response.status < 200 || response.status >= 300) throw errorForStatus(response, now, 'ok-body');
  if (!Object.prototype.hasOwnProperty.call(envelope, 'result')) {
    throw new KrakenError('bad-response', { message: 'Kraken\'s response has no result.', httpStatus: response.status });
  }
  return envelope['result'];
}

function throwWithRetryAt(error: KrakenError, retryAt: number): never {
  throw new KrakenError(error.code, {
    message: error.message,
    krakenErrors: error.krakenErrors,
    httpStatus: error.httpStatus ?? undefined,
    retryAt,
  });
}

type BodyProblem = 'not-json' | 'no-error-array' | 'ok-body';

function errorForStatus(response: HttpResponseText, now: number, problem: BodyProblem): KrakenError {
  const { status } = response;
  const retryAt = response.retryAfterMs === undefined ? undefined : now + response.retryAfterMs;
  if (status === 429) return new KrakenError('rate-limited', { httpStatus: status, retryAt });
  if (status === 502 || status === 503 || status === 504) {
    return new KrakenError('service-unavailable', { httpStatus: status, retryAt });
  }
  if (status >= 500) {
    return new KrakenError('http', {
      message: `Kraken answered with HTTP ${status}.`,
      httpStatus: status,
      retryable: true,
      retryAt,
    });
  }
  if (status < 200 || status >= 300) {
    return new KrakenError('http', { message: `Kraken answered with HTTP ${status}.`, httpStatus: status });
  }
  // The default message says it in plain words ("cut off or garbled"); a missing error list is rarer and named.
  const message = problem === 'not-json' ? undefined : 'Kraken sent an answer without the parts every answer has.';
  return new KrakenError('bad-response', { message, httpStatus: status });
}
