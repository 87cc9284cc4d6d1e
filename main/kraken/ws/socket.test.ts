import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startFakeKraken } from '../../../e2e/fake-kraken/index.ts';
import { TEST_TLS_CERT, TEST_TLS_KEY } from '../testing/tls-fixture.ts';
import { createWebSocketFactory } from './socket.ts';

// The adapter over the app's WebSocket client (`ws` with strict TLS), against real servers.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface Recorded {
  readonly events: string[];
  readonly closed: Promise<{ opened: boolean; code: number }>;
}

function connect(url: string): Recorded & { socket: ReturnType<ReturnType<typeof createWebSocketFactory>> } {
  const events: string[] = [];
  let resolveClosed: (info: { opened: boolean; code: number }) => void = () => undefined;
  const closed = new Promise<{ opened: boolean; code: number }>((resolve) => (resolveClosed = resolve));
  const socket = createWebSocketFactory()(url, {
    onOpen: () => events.push('open'),
    onMessage: (text) => events.push(`message:${text}`),
    onClose: (info) => {
      events.push('close');
      resolveClosed(info);
    },
  });
  return { socket, events, closed };
}

describe('WebSocket factory', () => {
  it('refuses a self-signed wss server even with NODE_TLS_REJECT_UNAUTHORIZED=0 (Node\'s built-in client would open)', async () => {
    const https = createHttpsServer({ cert: TEST_TLS_CERT, key: TEST_TLS_KEY });
    const server = new WebSocketServer({ server: https });
    let upgrades = 0;
    server.on('connection', () => upgrades++);
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => https.close(resolve)), () => server.close());
    const before = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    try {
      const { events, closed } = connect(`wss://127.0.0.1:${(https.address() as AddressInfo).port}/v2`);
      expect(await closed).toEqual({ opened: false, code: 1006 });
      expect(events).toEqual(['close']);
    } finally {
      if (before === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = before;
    }
    expect(upgrades).toBe(0);
  });

  it('opens, passes text frames, and closes once', async () => {
    const fake = await startFakeKraken();
    cleanup.push(() => fake.close());
    const { socket, events, closed } = connect(fake.wsPublicUrl);
    for (let waited = 0; events.length < 2 && waited < 3000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events[0]).toBe('open');
    expect(events[1]).toMatch(/^message:\{"channel":"status"/);
    socket.close();
    expect(await closed).toEqual({ opened: true, code: 1000 });
    expect(events.filter((e) => e === 'close')).toHaveLength(1);
  });

  it('reports a refused upgrade (HTTP 403, a blocking proxy) as a close without open', async () => {
    const fake = await startFakeKraken();
    cleanup.push(() => fake.close());
    fake.injectStreamFault({ type: 'refuse-upgrade' });
    const { events, closed } = connect(fake.wsPrivateUrl);
    expect(await closed).toEqual({ opened: false, code: 1006 });
    expect(events).toEqual(['close']);
  });

  it('reports a port with nothing listening, and a URL the client refuses, the same way', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    expect(await connect(`ws://127.0.0.1:${port}/v2`).closed).toEqual({ opened: false, code: 1006 });
    expect(await connect('http://not a url').closed).toEqual({ opened: false, code: 1006 });
  });

  it('decodes binary frames as UTF-8 text; a drop without a close frame is 1006 after open', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => new Promise((resolve) => server.close(resolve)));
    server.on('connection', (ws) => {
      ws.send(Buffer.from('{"channel":"heartbeat","note":"ü"}'), { binary: true });
      setTimeout(() => ws.terminate(), 50);
    });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const { events, closed } = connect(`ws://127.0.0.1:${port}`);
    expect(await closed).toEqual({ opened: true, code: 1006 });
    expect(events).toEqual(['open', 'message:{"channel":"heartbeat","note":"ü"}', 'close']);
  });
});
