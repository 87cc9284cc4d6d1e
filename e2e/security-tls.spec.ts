// Issue 11, point 2, on the transport the app's REST calls use (net.fetch: Chromium's network stack in
// Electron): a server with a certificate no trusted root signed gets no request, even when the environment
// says NODE_TLS_REJECT_UNAUTHORIZED=0 and NODE_EXTRA_CA_CERTS names its certificate (Chromium reads neither;
// the test runtime's net.fetch is made to ignore them too). The streams' and Node transport's own checks
// are unit tests (main/kraken/ws/socket.test.ts, main/kraken/node-transport.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TEST_TLS_CERT, TEST_TLS_KEY } from '../main/kraken/testing/tls-fixture.ts';
import { appReady, expect, test } from './fixtures.ts';
import { addAccount, KEYS } from './helpers/accounts.ts';

test('Kraken calls refuse a self-signed server, whatever NODE_TLS_REJECT_UNAUTHORIZED and NODE_EXTRA_CA_CERTS say', async ({ launch }, testInfo) => {
  let requests = 0;
  const server = createServer({ cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, (_request, response) => {
    requests += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ error: [], result: { ZUSD: '1000000.0000' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const caFile = testInfo.outputPath('intercepting-ca.pem');
  mkdirSync(path.dirname(caFile), { recursive: true });
  writeFileSync(caFile, TEST_TLS_CERT);
  try {
    const { port } = server.address() as AddressInfo;
    const app = await launch({ env: { KRAKEN_API_URL: `https://127.0.0.1:${port}`, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_EXTRA_CA_CERTS: caFile } });
    const page = await appReady(await app.firstWindow());
    const result = await addAccount(page, { label: 'Main', ...KEYS.main });
    expect(result).toMatchObject({ ok: false, error: { code: 'key-check-unavailable' } });
    expect(requests).toBe(0);
  } finally {
    server.close();
  }
});
