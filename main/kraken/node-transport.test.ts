import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeKraken, type FakeKraken } from '../../e2e/fake-kraken/index.ts';
import { unwrapEnvelope } from './envelope.ts';
import { createNodeTransport, type NodeTransport, type NodeTransportOptions } from './node-transport.ts';
import { krakenFailure } from './testing/client-fixtures.ts';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './testing/tls-fixture.ts';
import { REAL_TIMERS, type HttpRequest, type Timers } from './transport.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Served {
  url: string;
  connections: () => number;
  /** Sockets currently open on the server side. */
  open: () => number;
  bodies: string[];
  /** Resolves when the server has read the next request. */
  nextRequest: () => Promise<void>;
}

async function listen(server: Server | TcpServer, scheme = 'http'): Promise<{ url: string; open: () => number }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  cleanups.push(() => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  }));
  return { url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`, open: () => sockets.size };
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void, tls = false): Promise<Served> {
  let connections = 0;
  const bodies: string[] = [];
  let waiting: Array<() => void> = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      for (const resolve of waiting.splice(0)) resolve();
      handler(req, res, body);
    });
  };
  const server = tls ? createHttpsServer({ cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, onRequest) : createHttpServer(onRequest);
  server.on(tls ? 'secureConnection' : 'connection', () => (connections += 1));
  const { url, open } = await listen(server, tls ? 'https' : 'http');
  return { url, open, connections: () => connections, bodies, nextRequest: () => new Promise((resolve) => (waiting = [...waiting, resolve])) };
}

/** A TCP server that answers each request with whatever `reply` writes, for bytes node:http would not send. */
async function rawServer(reply: (socket: Socket, requestNumber: number) => void): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections += 1;
    let requests = 0;
    socket.on('data', () => reply(socket, (requests += 1)));
  });
  const { url } = await listen(server);
  return { url, connections: () => connections };
}

function transport(options?: NodeTransportOptions): NodeTransport {
  const t = createNodeTransport(options);
  cleanups.push(() => t.close());
  return t;
}

/** Timers that never fire on their own; the test fires them. */
function manualTimers(): Timers & { fire(): void } {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout(callback, _ms) {
      next += 1;
      pending.set(next, callback);
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    fire() {
      for (const callback of pending.values()) callback();
      pending.clear();
    },
  };
}

/** Resolves when any node:http server in this process starts handling a request (the fake runs in-process). */
function serverReceivesRequest(): Promise<void> {
  return new Promise((resolve) => {
    const onStart = (): void => {
      unsubscribe('http.server.request.start', onStart);
      resolve();
    };
    subscribe('http.server.request.start', onStart);
  });
}

const get = (url: string): HttpRequest => ({ url, method: 'GET', headers: { Accept: 'application/json' } });
const send = (t: NodeTransport, request: HttpRequest, options: { timers?: Timers; signal?: AbortSignal } = {}) =>
  t(request, { timeoutMs: 15_000, timers: options.timers ?? REAL_TIMERS, signal: options.signal });

const failure = krakenFailure;

describe('node:http transport', () => {
  it('sends method, path, headers and an exact UTF-8 body, asking for compression', async () => {
    const seen: Array<Record<string, string | undefined>> = [];
    const served = await serve((req, res) => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], length: req.headers['content-length'], encoding: req.headers['accept-encoding'] });
      res.end('{"error":[],"result":{}}');
    });
    const body = '{"nonce":1,"é":"ü"}';
    const response = await send(transport(), { url: `${served.url}/0/private/Balance?x=1`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(response).toEqual({ status: 200, text: '{"error":[],"result":{}}', retryAfterMs: undefined });
    expect(seen[0]).toEqual({ method: 'POST', url: '/0/private/Balance?x=1', type: 'application/json', length: String(Buffer.byteLength(body)), encoding: 'gzip, deflate, br' });
    expect(served.bodies[0]).toBe(body);
  });

  it('keeps one connection alive across sequential requests', async () => {
    const served = await serve((_req, res) => res.end('ok'));
    const t = transport();
    for (let i = 0; i < 5; i += 1) expect((await send(t, get(served.url))).text).toBe('ok');
    expect(served.connections()).toBe(1);
  });

  it('reads a chunked body and Retry-After', async () => {
    const served = await serve((_req, res) => {
      res.writeHead(429, { 'Retry-After': '4' });
      res.write('{"error":');
      setImmediate(() => res.end('["x"]}'));
    });
    expect(await send(transport(), get(served.url))).toEqual({ status: 429, text: '{"error":["x"]}', retryAfterMs: 4000 });
  });

  it('decodes gzip, deflate and br bodies; refuses unknown encodings', async () => {
    const json = '{"zipped":true}';
    const served = await serve((req, res) => {
      const encoded: Record<string, Buffer> = { '/gzip': gzipSync(json), '/deflate': deflateSync(json), '/br': brotliCompressSync(json) };
      const name = (req.url ?? '').slice(1);
      res.writeHead(200, { 'Content-Encoding': name }).end(encoded[req.url ?? ''] ?? json);
    });
    const t = transport();
    for (const name of ['gzip', 'deflate', 'br']) expect((await send(t, get(`${served.url}/${name}`))).text).toBe(json);
    expect(await failure(send(t, get(`${served.url}/compress`)))).toMatchObject({ code: 'bad-response', httpStatus: 200 });
  });

  it('caps the body size: declared, streamed, and after decompression', async () => {
    const big = 'x'.repeat(2048);
    const served = await serve((req, res) => {
      if (req.url === '/declared') res.writeHead(200, { 'Content-Length': String(big.length) }).end(big);
      else if (req.url === '/chunked') {
        res.write(big.slice(0, 1000));
        res.end(big.slice(1000));
      } else res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(big));
    });
    const t = transport({ maxBodyBytes: 1024 });
    for (const path of ['/declared', '/chunked', '/bomb']) {
      const error = await failure(send(t, get(served.url + path)));
      expect(error.code).toBe('bad-response');
      expect(error.message).toContain('too large');
    }
    expect(gzipSync(big).length).toBeLessThan(1024);
  });

  it('does not reuse a connection after Connection: close', async () => {
    const served = await serve((_req, res) => res.writeHead(200, { Connection: 'close' }).end('ok'));
    const t = transport();
    await send(t, get(served.url));
    await send(t, get(served.url));
    expect(served.connections()).toBe(2);
  });

  it('resends a GET once when its kept-alive connection was already closed; a POST fails as network', async () => {
    // Answers the first request on each connection, then resets it on the next one, as a server
    // that timed the idle connection out just as the request went out.
    const ok = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok';
    const server = await rawServer((socket, n) => (n === 1 ? socket.write(ok) : socket.resetAndDestroy()));
    const t = transport();
    expect((await send(t, get(server.url))).text).toBe('ok');
    expect((await send(t, get(server.url))).text).toBe('ok');
    expect(server.connections()).toBe(2);
    const post: HttpRequest = { url: server.url, method: 'POST', headers: {}, body: '{"nonce":1}' };
    expect((await failure(send(t, post))).code).toBe('network');
    expect(server.connections()).toBe(2);
  });

  it('maps bytes that are not HTTP to bad-response and a cut-off body to network', async () => {
    const garbage = await rawServer((s) => s.end('SSH-2.0-OpenSSH\r\n\r\n'));
    expect((await failure(send(transport(), get(garbage.url)))).code).toBe('bad-response');
    const cut = await rawServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort'));
    const error = await failure(send(transport(), get(cut.url)));
    expect(error.code).toBe('network');
    expect(error.message).toContain('closed the connection early');
  });

  it('times out on the injected clock, and the transport stays usable', async () => {
    const served = await serve((req, res) => {
      if (req.url !== '/hang') res.end('ok');
    });
    const t = transport();
    const timers = manualTimers();
    const pending = send(t, get(`${served.url}/hang`), { timers });
    await served.nextRequest();
    timers.fire();
    const error = await failure(pending);
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toContain('15 s');
    expect((await send(t, get(`${served.url}/fast`))).text).toBe('ok');
  });

  it('is abortable in flight and before sending', async () => {
    const served = await serve(() => undefined);
    const t = transport();
    const controller = new AbortController();
    const pending = send(t, get(served.url), { signal: controller.signal });
    await served.nextRequest();
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
    expect((await failure(send(t, get(served.url), { signal: AbortSignal.abort() }))).code).toBe('aborted');
    expect(served.bodies).toHaveLength(1);
  });

  it('refuses a header containing CR/LF without sending anything', async () => {
    const served = await serve((_req, res) => res.end('ok'));
    const error = await failure(send(transport(), { url: served.url, method: 'GET', headers: { 'API-Key': 'abc\r\nX-Evil: 1' } }));
    expect(error.code).toBe('invalid-key');
    expect(served.connections()).toBe(0);
  });

  it('refuses unsupported URLs without retrying', async () => {
    expect(await failure(send(transport(), get('ftp://127.0.0.1/x')))).toMatchObject({ code: 'network', retryable: false });
    expect(await failure(send(transport(), get('not a url')))).toMatchObject({ code: 'network', retryable: false });
  });

  it('verifies TLS certificates: untrusted is refused, a trusted CA works', async () => {
    const served = await serve((_req, res) => res.end('secure'), true);
    expect((await failure(send(transport(), get(served.url)))).code).toBe('network');
    expect((await send(transport({ ca: TEST_TLS_CERT }), get(served.url))).text).toBe('secure');
  });

  it('refuses a self-signed server even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    const served = await serve((_req, res) => res.end('intercepted'), true);
    const before = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    try {
      expect((await failure(send(transport(), get(served.url)))).code).toBe('network');
    } finally {
      if (before === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = before;
    }
    expect(served.connections()).toBe(0);
  });

  it('refuses a server whose certificate only NODE_EXTRA_CA_CERTS trusts (read at process start, so in a child)', async () => {
    const served = await serve((_req, res) => res.end('intercepted'), true);
    const caFile = join(mkdtempSync(join(tmpdir(), 'kb-extra-ca-')), 'ca.pem');
    writeFileSync(caFile, TEST_TLS_CERT);
    const script = `import { createNodeTransport } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'node-transport.ts')).href)};
      import { REAL_TIMERS } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'transport.ts')).href)};
      const t = createNodeTransport();
      t({ url: ${JSON.stringify(served.url)}, method: 'GET', headers: {} }, { timeoutMs: 5000, timers: REAL_TIMERS })
        .then((r) => console.log('answered ' + r.text), (e) => console.log('refused ' + e.code))
        .finally(() => t.close());`;
    // Asynchronously: the server answering the child runs in this process.
    const child = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, NODE_TLS_REJECT_UNAUTHORIZED: '0' },
      encoding: 'utf8',
    });
    expect(child.stdout.trim()).toBe('refused network');
  });

  it('bounds parallel connections per origin, and close() releases the idle ones', async () => {
    const served = await serve((_req, res) => setImmediate(() => res.end('ok')));
    const t = transport();
    const results = await Promise.all(Array.from({ length: 10 }, () => send(t, get(served.url))));
    expect(results.every((r) => r.text === 'ok')).toBe(true);
    expect(served.connections()).toBe(6);
    t.close();
    await expect.poll(() => served.open()).toBe(0);
  });
});

describe('node:http transport against the fake Kraken', () => {
  let fake: FakeKraken;
  beforeAll(async () => {
    fake = await startFakeKraken();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.clearFaults());

  const time = (t: NodeTransport, options: { timers?: Timers; signal?: AbortSignal } = {}) =>
    send(t, get(`${fake.url}/0/public/Time`), options);
  const outcome = async (t: NodeTransport): Promise<unknown> => unwrapEnvelope(await time(t), Date.now());

  it('reads a normal answer', async () => {
    await expect(outcome(transport())).resolves.toMatchObject({ unixtime: expect.any(Number) });
  });

  it('an HTML 5xx page becomes service-unavailable or http, not a JSON error', async () => {
    const t = transport();
    fake.injectFault({ type: 'html', status: 502 });
    expect(await failure(outcome(t))).toMatchObject({ code: 'service-unavailable', httpStatus: 502 });
    fake.injectFault({ type: 'html', status: 520 });
    expect(await failure(outcome(t))).toMatchObject({ code: 'http', httpStatus: 520, retryable: true });
  });

  it('malformed JSON becomes bad-response', async () => {
    fake.injectFault({ type: 'malformed-json' });
    expect(await failure(outcome(transport()))).toMatchObject({ code: 'bad-response', httpStatus: 200 });
  });

  it('a slow answer times out; a cancelled one is aborted', async () => {
    const t = transport();
    fake.injectFault({ type: 'delay', ms: 10_000 }, { always: true });
    const timers = manualTimers();
    let arrived = serverReceivesRequest();
    const slow = time(t, { timers });
    await arrived;
    timers.fire();
    expect((await failure(slow)).code).toBe('timeout');

    const controller = new AbortController();
    arrived = serverReceivesRequest();
    const cancelled = time(t, { signal: controller.signal });
    await arrived;
    controller.abort();
    expect((await failure(cancelled)).code).toBe('aborted');
  });

  it('a connection reset is a network error, and the next call works', async () => {
    const t = transport();
    fake.injectFault({ type: 'reset' });
    const error = await failure(time(t));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    await expect(outcome(t)).resolves.toBeDefined();
  });
});
