/** One HTTP answer of the fake, before it is written. */
export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const ok = (result: unknown): Reply => ({ status: 200, body: JSON.stringify({ error: [], result }), contentType: 'application/json' });
export const fail = (error: string, status = 200): Reply => ({ status, body: JSON.stringify({ error: [error] }), contentType: 'application/json' });

/** Kraken-style RFC 3339 time with microseconds, e.g. 2023-09-22T10:23:42.925000Z. */
export const rfc3339 = (epochMs: number): string => new Date(epochMs).toISOString().replace('Z', '000Z');

/** A JSON number written with exactly these digits (Kraken's WebSocket API sends amounts as numbers). */
export const jsonNumber = (decimal: string): unknown => (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(decimal);
