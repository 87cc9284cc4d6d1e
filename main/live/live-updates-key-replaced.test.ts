import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../ipc/contract.ts';
import { createScriptedSockets, type ScriptedSocket } from '../kraken/ws/testing/scripted-sockets.ts';
import { createFakeClock, settle } from '../refresh/fake-clock.ts';
import { LiveUpdates, type LiveBalances } from './live-updates.ts';

const URLS = { public: 'wss://public.example/v2', private: 'wss://private.example/v2' };
const summary = (id: string, key: string): AccountSummary =>
  ({ id, label: id, keyFingerprint: key, addedAt: '2026-01-01T00:00:00.000Z', hasOtp: false, demo: false, lastCheck: null });

/** Live updates over scripted sockets, with an account list that changes as the vault changes it. */
function setup(initial: AccountSummary[]) {
  let accounts = initial;
  const changeListeners: ((list: AccountSummary[]) => void)[] = [];
  const replacedListeners: ((id: string) => void)[] = [];
  const modes = new Map<string, boolean>();
  const balances: LiveBalances = {
    refreshOnEvent: () => undefined,
    setUpdateMode: (id, live) => void modes.set(id, live),
    pricesPushed: () => undefined,
    priceStreamEnded: () => undefined,
    wantedPairs: () => ({ table: null, keys: [] }),
    onWantedPairs: () => () => undefined,
  };
  const sockets = createScriptedSockets();
  let issued = 0;
  const live = new LiveUpdates({
    balances,
    accounts: {
      list: () => accounts,
      onChanged: (listener) => (changeListeners.push(listener), () => undefined),
      onKeyReplaced: (listener) => (replacedListeners.push(listener), () => undefined),
    },
    // The account's client as account-clients.ts hands it out now: its tokens are its key's.
    clientFor: (id) => {
      const key = accounts.find((a) => a.id === id)?.keyFingerprint ?? 'none';
      return Promise.resolve({ webSocketsToken: () => Promise.resolve({ token: `token-of-${key}-${++issued}`, expiresInSeconds: 900 }) });
    },
    urls: URLS,
    socketFactory: sockets.factory,
    clock: createFakeClock(1_000_000),
    random: () => 0.5,
  });
  return {
    live,
    modes,
    privateSockets: () => sockets.sockets.filter((s) => s.url === URLS.private),
    /** What Vault.replaceKey announces: the key replaced, then the new list. */
    replaceKey: (id: string, key: string) => {
      accounts = accounts.map((a) => (a.id === id ? { ...a, keyFingerprint: key } : a));
      for (const listener of replacedListeners) listener(id);
      for (const listener of changeListeners) listener(accounts);
    },
  };
}

function subscribeToken(socket: ScriptedSocket): unknown {
  socket.open();
  const request = socket.sent.find((m) => m['method'] === 'subscribe');
  return (request?.['params'] as { token?: string } | undefined)?.token;
}

function accept(socket: ScriptedSocket): void {
  const request = socket.sent.find((m) => m['method'] === 'subscribe');
  socket.push({ method: 'subscribe', result: { channel: 'balances' }, success: true, req_id: request?.['req_id'] });
  socket.push({ channel: 'balances', type: 'snapshot', data: [{ asset: 'BTC', balance: 1 }], sequence: 1 });
}

describe('LiveUpdates after "Update key"', () => {
  it('ends the stream the old key authorised and subscribes again with a token of the new key', async () => {
    const t = setup([summary('a', 'old-key'), summary('b', 'other-key')]);
    t.live.start();
    await settle();
    const [oldStream, otherStream] = t.privateSockets() as [ScriptedSocket, ScriptedSocket];
    expect(subscribeToken(oldStream)).toBe('token-of-old-key-1');
    accept(oldStream);
    subscribeToken(otherStream);
    accept(otherStream);
    expect(t.modes.get('a')).toBe(true);

    t.replaceKey('a', 'new-key');
    await settle();
    expect(oldStream.closedByClient).toBe(true);
    expect(otherStream.closedByClient).toBe(false);
    const fresh = t.privateSockets()[2];
    expect(fresh).toBeDefined();
    expect(t.modes.get('a')).toBe(false); // not live until the new key's stream is
    expect(subscribeToken(fresh as ScriptedSocket)).toBe('token-of-new-key-3');
    accept(fresh as ScriptedSocket);
    expect(t.modes.get('a')).toBe(true);
    expect(t.privateSockets()).toHaveLength(3);
    t.live.dispose();
  });

  it('reconnects also when the same API key was entered again (a new 2FA password or private key)', async () => {
    const t = setup([summary('a', 'same-key')]);
    t.live.start();
    await settle();
    const [before] = t.privateSockets() as [ScriptedSocket];
    expect(subscribeToken(before)).toBe('token-of-same-key-1');
    accept(before);

    t.replaceKey('a', 'same-key');
    await settle();
    expect(before.closedByClient).toBe(true);
    const [, after] = t.privateSockets() as [ScriptedSocket, ScriptedSocket];
    expect(subscribeToken(after)).toBe('token-of-same-key-2');
    t.live.dispose();
  });
});
