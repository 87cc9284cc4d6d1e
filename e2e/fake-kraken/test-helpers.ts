// Helpers for the fake's own tests.
import { FAKE_API_KEY, FAKE_API_SECRET } from './fixtures.ts';
import { startFakeKraken, type FakeKraken, type FakeKrakenOptions } from './server.ts';
import { expectedSignature } from './signature.ts';

export interface PostOptions {
  key?: string;
  secret?: string;
  nonce: string;
  format?: 'json' | 'form';
  extra?: Record<string, string>;
  method?: string;
  tamper?: (body: string) => string;
}

/** A correctly signed private call (unless told otherwise), as Kraken's docs describe it. */
export async function post(server: { readonly url: string }, options: PostOptions): Promise<{ status: number; json: { error: string[]; result?: unknown } }> {
  const path = `/0/private/${options.method ?? 'Balance'}`;
  const extra = options.extra ?? {};
  const body = options.format === 'form'
    ? new URLSearchParams({ nonce: options.nonce, ...extra }).toString()
    : `{"nonce":${options.nonce}${Object.entries(extra).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('')}}`;
  const sign = expectedSignature(path, options.nonce, Buffer.from(body), options.secret ?? FAKE_API_SECRET);
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: {
      'API-Key': options.key ?? FAKE_API_KEY,
      'API-Sign': sign,
      'Content-Type': options.format === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
    },
    body: options.tamper ? options.tamper(body) : body,
  });
  return { status: response.status, json: (await response.json()) as { error: string[]; result?: unknown } };
}


export type Json = Record<string, unknown>;

/** A WebSocket client for the fake's stream tests (the `ws` package, which also reports refused upgrades). */
export interface TestStream {
  /** Every text frame received, as sent. */
  readonly frames: readonly string[];
  send(message: unknown): void;
  /** The first message not taken yet that matches, waiting for it if needed. */
  take(predicate: (message: Json) => boolean, timeoutMs?: number): Promise<Json>;
  /** Messages received so far that match (taken or not). */
  received(predicate: (message: Json) => boolean): Json[];
  readonly closed: Promise<{ readonly code: number }>;
  close(): void;
}

export async function openStream(url: string): Promise<TestStream> {
  const { WebSocket } = await import('ws');
  const socket = new WebSocket(url);
  const frames: string[] = [];
  const messages: Array<{ message: Json; taken: boolean }> = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    const text = String(data);
    frames.push(text);
    try {
      messages.push({ message: JSON.parse(text) as Json, taken: false });
    } catch {
      // Not JSON: kept in frames only.
    }
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number }>((resolve) => socket.on('close', (code) => resolve({ code })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const find = (predicate: (m: Json) => boolean): { message: Json; taken: boolean } | undefined =>
    messages.find((m) => !m.taken && predicate(m.message));
  return {
    frames,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    take: (predicate, timeoutMs = 3000) =>
      new Promise<Json>((resolve, reject) => {
        const check = (): boolean => {
          const hit = find(predicate);
          if (hit === undefined) return false;
          hit.taken = true;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(hit.message);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching message within ${timeoutMs} ms; received ${frames.join('\n')}`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      }),
    received: (predicate) => messages.filter((m) => predicate(m.message)).map((m) => m.message),
    closed,
    close: () => socket.close(),
  };
}

/** Fakes and stream clients for one test file, all closed by cleanup() (call it in afterEach). */
export interface StreamTestbed {
  fake(options?: FakeKrakenOptions): Promise<FakeKraken>;
  stream(url: string): Promise<TestStream>;
  /** GetWebSocketsToken's whole answer for a key (default: FAKE_API_KEY). */
  token(server: { readonly url: string }, key?: string, secret?: string): Promise<{ error: string[]; result?: unknown }>;
  /** Just the token; for a key that may have one. */
  tokenFor(server: { readonly url: string }, key?: string, secret?: string): Promise<string>;
  cleanup(): Promise<void>;
}

let nonce = Date.now() * 1000;
/** Nonces for the fake's tests: increasing across every helper and test in the process. */
export const nextNonce = (): string => String(++nonce);

export function streamTestbed(defaults: FakeKrakenOptions): StreamTestbed {
  const servers: FakeKraken[] = [];
  const streams: TestStream[] = [];
  const bed: StreamTestbed = {
    async fake(options) {
      const server = await startFakeKraken({ ...defaults, ...options });
      servers.push(server);
      return server;
    },
    async stream(url) {
      const opened = await openStream(url);
      streams.push(opened);
      return opened;
    },
    async token(server, key = FAKE_API_KEY, secret) {
      return (await post(server, { nonce: nextNonce(), method: 'GetWebSocketsToken', key, ...(secret === undefined ? {} : { secret }) })).json;
    },
    async tokenFor(server, key, secret) {
      const { result } = await bed.token(server, key, secret);
      return (result as { token: string }).token;
    },
    async cleanup() {
      for (const stream of streams.splice(0)) stream.close();
      await Promise.all(servers.splice(0).map((f) => f.close()));
    },
  };
  return bed;
}
