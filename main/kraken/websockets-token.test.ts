import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, FAKE_API_SECRET, FAKE_NO_WS_API_KEY, FAKE_NO_WS_API_SECRET, startFakeKraken, type FakeKraken } from '../../e2e/fake-kraken/index.ts';
import { createKrakenClient } from './client.ts';
import { KrakenError } from './errors.ts';
import { createMemoryNonceStore } from './nonce.ts';
import { parseWebSocketsToken } from './websockets-token.ts';
import { StreamPermissionDenied } from './ws/types.ts';
import { tokenSourceFor, WEBSOCKET_PERMISSION_MESSAGE } from './ws/token-source.ts';

const servers: FakeKraken[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fake(): Promise<FakeKraken> {
  const server = await startFakeKraken();
  servers.push(server);
  return server;
}

describe('GetWebSocketsToken', () => {
  it('reads Kraken\'s result and refuses anything else', () => {
    expect(parseWebSocketsToken({ token: 'G38a1tGFzqGiUCmnegBcm8d4nfP3tytiNQz6tkCBYXY', expires: 900 }))
      .toEqual({ token: 'G38a1tGFzqGiUCmnegBcm8d4nfP3tytiNQz6tkCBYXY', expiresInSeconds: 900 });
    for (const bad of [null, {}, { token: 'short', expires: 900 }, { token: 'G38a1tGFzqGiUCmnegBcm8d4nfP3tytiNQz6tkCBYXY', expires: '900' }, { token: 'has spaces in it, quite a few', expires: 900 }]) {
      expect(() => parseWebSocketsToken(bad)).toThrow(KrakenError);
    }
  });

  it('is a signed private call through the client: nonce lane and rate counter like Balance', async () => {
    const server = await fake();
    const client = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: server.url, nonceStore: createMemoryNonceStore() });
    const [token, balance] = await Promise.all([client.webSocketsToken(), client.balance()]);
    expect(token.expiresInSeconds).toBe(900);
    expect(Object.keys(balance).length).toBeGreaterThan(0);
    expect(server.calls.map((c) => [c.path, c.verified, c.errors])).toEqual([
      ['/0/private/GetWebSocketsToken', true, []],
      ['/0/private/Balance', true, []],
    ]);
    expect(client.rateCounter().value).toBeCloseTo(2, 0);
    client.close();
  });

  it('the token source gives a fresh token each time, and turns "permission denied" into the WebSocket-permission reason', async () => {
    const server = await fake();
    const client = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: server.url, nonceStore: createMemoryNonceStore() });
    const getToken = tokenSourceFor(client);
    const [first, second] = [await getToken(), await getToken()];
    expect(first).not.toBe(second);
    const noWs = createKrakenClient({ apiKey: FAKE_NO_WS_API_KEY, apiSecret: FAKE_NO_WS_API_SECRET, baseUrl: server.url, nonceStore: createMemoryNonceStore() });
    const refusal = await tokenSourceFor(noWs)().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StreamPermissionDenied);
    expect((refusal as Error).message).toBe(WEBSOCKET_PERMISSION_MESSAGE);
    server.injectFault({ type: 'kraken-error', error: 'EAPI:Invalid key' });
    await expect(getToken()).rejects.toMatchObject({ code: 'invalid-key' });
    client.close();
    noWs.close();
  });
});
