import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { KrakenError } from './errors.ts';
import { createHttp1Transport, type Http1Transport } from './http1-transport.ts';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './testing/tls-fixture.ts';
import { REAL_TIMERS, type HttpRequest } from './transport.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Served {
  url: string;
  connections: () => number;
  bodies: string[];
}

async function listen(server: Server | TcpServer, scheme = 'http'): Promise<string> {
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
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void, tls = false): Promise<Served> {
  let connections = 0;
  const bodies: string[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      handler(req, res, body);
    });
  };
  const server = tls ? createHttpsServer({ cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, onRequest) : createHttpServer(onRequest);
  server.on(tls ? 'secureConnection' : 'connection', () => (connections += 1));
  const url = await listen(server, tls ? 'https' : 'http');
  return { url, connections: () => connections, bodies };
}

/** A TCP server that answers every request with fixed bytes, for responses node:http would not send. */
async function rawServer(reply: (socket: Socket) => void): Promise<string> {
  const server = createTcpServer((socket) => {
    socket.once('data', () => reply(socket));
  });
  return listen(server);
}

function transport(options?: Parameters<typeof createHttp1Transport>[0]): Http1Transport {
  const t = createHttp1Transport(options);
  cleanups.push(() => t.close());
  return t;
}

const get = (url: string): HttpRequest => ({ url, method: 'GET', headers: { Accept: 'application/json' } });
const send = (t: Http1Transport, request: HttpRequest, timeoutMs = 2000, signal?: AbortSignal) =>
  t(request, { timeoutMs, timers: REAL_TIMERS, signal });

async function failure(promise: Promise<unknown>): Promise<KrakenError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KrakenError);
  return error as KrakenError;
}

describe('lean HTTP/1.1 transport', () => {
  it('sends method, path, headers and an exact body; reuses one connection', async () => {
    const seen: Array<{ method?: string; url?: string; type?: string; length?: string }> = [];
    const served = await serve((req, res) => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], length: req.headers['content-length'] });
      res.end('{"error":[],"result":{}}');
    });
    const t = transport();
    for (let i = 0; i < 5; i += 1) {
      const response = await send(t, {
        url: `${served.url}/0/private/Balance?x=1`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"nonce":1,"é":"ü"}',
      });
      expect(response).toEqual({ status: 200, text: '{"error":[],"result":{}}', retryAfterMs: undefined });
    }
    expect(seen[0]).toEqual({ method: 'POST', url: '/0/private/Balance?x=1', type: 'application/json', length: String(Buffer.byteLength('{"nonce":1,"é":"ü"}')) });
    expect(served.bodies[0]).toBe('{"nonce":1,"é":"ü"}');
    expect(served.connections()).toBe(1);
  });

  it('reads chunked and gzip-compressed bodies, and Retry-After', async () => {
    const served = await serve((req, res) => {
      if (req.url === '/gzip') {
        res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('{"zipped":true}'));
        return;
      }
      res.writeHead(429, { 'Retry-After': '4' });
      res.write('{"error":');
      setTimeout(() => res.end('["x"]}'), 5);
    });
    const t = transport();
    expect(await send(t, get(`${served.url}/chunked`))).toEqual({ status: 429, text: '{"error":["x"]}', retryAfterMs: 4000 });
    expect((await send(t, get(`${served.url}/gzip`))).text).toBe('{"zipped":true}');
  });

  it('opens a new connection when the server closes idle ones', async () => {
    // The server ends each connection shortly after answering, as a keep-alive timeout would.
    const served = await serve((req, res) => {
      res.on('finish', () => setTimeout(() => req.socket.end(), 10));
      res.end('ok');
    });
    const t = transport();
    await send(t, get(served.url));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await send(t, get(served.url))).text).toBe('ok');
    expect(served.connections()).toBe(2);
  });

  it('does not reuse a connection after Connection: close', async () => {
    const served = await serve((_req, res) => res.writeHead(200, { Connection: 'close' }).end('ok'));
    const t = transport();
    await send(t, get(served.url));
    await send(t, get(served.url));
    expect(served.connections()).toBe(2);
  });

  it('reads a close-delimited body (an old proxy page)', async () => {
    const url = await rawServer((s) => s.end('HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/html\r\n\r\n<html>down</html>'));
    expect(await send(transport(), get(url))).toMatchObject({ status: 503, text: '<html>down</html>' });
  });

  it('maps garbage to bad-response and a reset to network', async () => {
    const garbage = await rawServer((s) => s.end('SSH-2.0-OpenSSH\r\n\r\n'));
    expect((await failure(send(transport(), get(garbage)))).code).toBe('bad-response');
    const reset = await rawServer((s) => s.resetAndDestroy());
    expect((await failure(send(transport(), get(reset)))).code).toBe('network');
    const cut = await rawServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort'));
    expect((await failure(send(transport(), get(cut)))).code).toBe('network');
  });

  it('times out, aborts, and stays usable afterwards', async () => {
    const served = await serve((req, res) => {
      if (req.url === '/slow') setTimeout(() => res.end('late'), 300);
      else res.end('ok');
    });
    const t = transport();
    expect((await failure(send(t, get(`${served.url}/slow`), 30))).code).toBe('timeout');
    const controller = new AbortController();
    const pending = send(t, get(`${served.url}/slow`), 2000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    expect((await failure(pending)).code).toBe('aborted');
    expect((await send(t, get(`${served.url}/fast`))).text).toBe('ok');
  });

  it('refuses to send a header containing CR/LF', async () => {
    const served = await serve((_req, res) => res.end('ok'));
    const error = await failure(send(transport(), { url: served.url, method: 'GET', headers: { 'API-Key': 'abc\r\nX-Evil: 1' } }));
    expect(error.code).toBe('invalid-key');
    expect(served.bodies).toEqual([]);
  });

  it('refuses unsupported URLs', async () => {
    expect((await failure(send(transport(), get('ftp://127.0.0.1/x')))).retryable).toBe(false);
    expect((await failure(send(transport(), get('not a url')))).code).toBe('network');
  });

  it('verifies TLS certificates: untrusted is refused, a trusted CA works', async () => {
    const served = await serve((_req, res) => res.end('secure'), true);
    expect((await failure(send(transport(), get(served.url)))).code).toBe('network');
    expect((await send(transport({ ca: TEST_TLS_CERT }), get(served.url))).text).toBe('secure');
  });

  it('handles concurrent requests on separate connections and pools a bounded number', async () => {
    const served = await serve((_req, res) => setTimeout(() => res.end('ok'), 5));
    const t = transport({ maxIdlePerOrigin: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => send(t, get(served.url))));
    expect(results.every((r) => r.text === 'ok')).toBe(true);
    expect(served.connections()).toBe(6);
    await Promise.all(Array.from({ length: 2 }, () => send(t, get(served.url))));
    expect(served.connections()).toBe(6);
  });
});
