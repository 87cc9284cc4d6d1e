import { ExactNumber, parseExactJson, readCount } from './exact-json.ts';

// Kraken WebSocket v2 message envelopes, read from untrusted text. Requests are {method, params, req_id};
// the server answers with acks {method, result | error, success, time_in, time_out, req_id} and pushes
// data as {channel, type, data, sequence?}. Numbers stay ExactNumber (exact-json.ts) all the way down.

type JsonRecord = { readonly [key: string]: unknown };

const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ExactNumber);
const own = (record: JsonRecord, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
const optionalString = (record: JsonRecord, key: string): string | null => {
  const value = own(record, key);
  return typeof value === 'string' ? value : null;
};

/** An answer to one of our requests (subscribe, unsubscribe, ping). */
export interface Ack {
  readonly kind: 'ack';
  readonly method: string;
  readonly reqId: number | null;
  readonly success: boolean;
  /** Kraken's error text when success is false. */
  readonly error: string | null;
  /** result.channel, or null. */
  readonly channel: string | null;
  /** result.symbol (or the top-level symbol of a refused ticker subscription), or null. */
  readonly symbol: string | null;
}

/** A push on a channel. `data` entries are plain records whose numbers are ExactNumber. */
export interface ChannelMessage {
  readonly kind: 'channel';
  readonly channel: string;
  readonly type: string | null;
  readonly data: readonly JsonRecord[];
  readonly sequence: number | null;
  /** The message carried a `sequence` field that is not a count. */
  readonly badSequence: boolean;
}

export type Frame = Ack | ChannelMessage;

/** Frames longer than this are not parsed (a balances snapshot of thousands of assets is far smaller). */
export const MAX_FRAME_CHARS = 1024 * 1024;

/** A frame from the server, or null when it is not one we can read (counted as malformed by the caller). */
export function readFrame(text: string): Frame | null {
  if (text.length > MAX_FRAME_CHARS) return null;
  let value: unknown;
  try {
    value = parseExactJson(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const channel = optionalString(value, 'channel');
  if (channel !== null) {
    const data = own(value, 'data') ?? [];
    if (!Array.isArray(data) || !data.every(isRecord)) return null;
    const sequence = own(value, 'sequence');
    const count = sequence === undefined ? null : readCount(sequence);
    return { kind: 'channel', channel, type: optionalString(value, 'type'), data, sequence: count, badSequence: sequence !== undefined && count === null };
  }
  const method = optionalString(value, 'method');
  if (method === null) return null;
  const result = own(value, 'result');
  const success = own(value, 'success');
  const reqId = own(value, 'req_id');
  return {
    kind: 'ack',
    method,
    reqId: reqId === undefined ? null : readCount(reqId),
    // A pong carries no `success`; it is an answer, not a refusal.
    success: success === true || (success === undefined && own(value, 'error') === undefined),
    error: optionalString(value, 'error'),
    channel: isRecord(result) ? optionalString(result, 'channel') : null,
    symbol: (isRecord(result) ? optionalString(result, 'symbol') : null) ?? optionalString(value, 'symbol'),
  };
}

/** A string field of a data entry, or null. */
export function field(entry: JsonRecord, key: string): unknown {
  return own(entry, key);
}

export type { JsonRecord };
