import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeKraken, type FakeKraken } from '../../e2e/fake-kraken/index.ts';
import type { VerificationTier } from '../../ipc/contract.ts';
import { keyFingerprint, KrakenError, type KrakenClient } from '../kraken/index.ts';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import { createAccountClients, krakenClientFactory } from './account-clients.ts';
import type { Credentials } from './key-shape.ts';
import { createPersistentNonceStore } from './nonce-store.ts';
import { createFakeCipher } from './testing/fake-cipher.ts';
import { testKeyPair } from './testing/key-pair.ts';
import { Vault } from './vault.ts';

/** A client that answers balance() as told and remembers the tier it was built for. */
function fakeClient(credentials: Credentials, tier: VerificationTier, balance: () => Promise<Record<string, string>>): KrakenClient & { tier: VerificationTier } {
  const unused = () => Promise.reject(new Error('not used by these tests'));
  const client = {
    tier,
    keyFingerprint: keyFingerprint(credentials.apiKey),
    balance,
    balanceEx: unused,
    assets: unused,
    assetPairs: unused,
    ticker: unused,
    portfolio: unused,
    rateCounter: () => ({ counter: 0 }),
    lockedUntil: () => null,
    close: vi.fn(),
  };
  return client as unknown as KrakenClient & { tier: VerificationTier };
}

function setup() {
  let tier: VerificationTier = 'starter';
  let balance = (): Promise<Record<string, string>> => Promise.resolve({ ZUSD: '1.00' });
  const makeClient = vi.fn((credentials: Credentials, t: VerificationTier) => fakeClient(credentials, t, () => balance()));
  const cipher = createFakeCipher();
  const vault: Vault = new Vault({ store: memoryStore(), cipher, checkKey: (credentials) => clients.checkKey(credentials) });
  const clients = createAccountClients({ vault, makeClient, tier: () => tier });
  return {
    vault,
    clients,
    cipher,
    makeClient,
    setTier: (next: VerificationTier) => void (tier = next),
    failBalance: (error: unknown) => void (balance = () => Promise.reject(error)),
  };
}

const add = (vault: Vault, seed: string) => vault.add({ label: seed, ...testKeyPair(seed) });

describe('createAccountClients', () => {
  it('keeps the client that checked a new key as that account’s one long-lived client', async () => {
    const { vault, clients, makeClient } = setup();
    const account = await add(vault, 'one');
    const [first, second] = await Promise.all([clients.clientFor(account.id), clients.clientFor(account.id)]);
    expect(first).toBe(second);
    expect(await clients.clientFor(account.id)).toBe(first);
    expect(makeClient).toHaveBeenCalledTimes(1);
    expect(first.keyFingerprint).toBe(keyFingerprint(testKeyPair('one').apiKey));
  });

  it('rebuilds the client when the tier setting changes', async () => {
    const { vault, clients, makeClient, setTier } = setup();
    const account = await add(vault, 'tier');
    const starter = await clients.clientFor(account.id);
    setTier('pro');
    const pro = (await clients.clientFor(account.id)) as KrakenClient & { tier: VerificationTier };
    expect(pro).not.toBe(starter);
    expect(pro.tier).toBe('pro');
    expect(starter.close).toHaveBeenCalledTimes(1);
    expect(pro.close).not.toHaveBeenCalled();
    expect(makeClient).toHaveBeenCalledTimes(2);
  });

  it('drops the client when its account is removed', async () => {
    const { vault, clients, makeClient } = setup();
    const a = await add(vault, 'a');
    const b = await add(vault, 'b');
    const clientA = await clients.clientFor(a.id);
    const clientB = await clients.clientFor(b.id);
    vault.remove(a.id);
    await expect(clients.clientFor(a.id)).rejects.toMatchObject({ code: 'account-not-found' });
    expect(await clients.clientFor(b.id)).toBe(clientB);
    expect(clientA.close).toHaveBeenCalledTimes(1);
    expect(clientB.close).not.toHaveBeenCalled();
    expect(makeClient).toHaveBeenCalledTimes(2);
  });

  it('has no client for the demo account', async () => {
    const { vault, clients } = setup();
    const demo = vault.addDemo();
    await expect(clients.clientFor(demo.id)).rejects.toMatchObject({ code: 'demo-account' });
  });

  it('does not keep a failed decryption: the next call tries again', async () => {
    const { vault, clients, cipher, setTier } = setup();
    const account = await add(vault, 'locked');
    setTier('pro'); // the checking client no longer fits: the key is decrypted for a new one
    const realDecrypt = cipher.decrypt.bind(cipher);
    const decrypt = vi.spyOn(cipher, 'decrypt').mockRejectedValueOnce(new Error('keyring locked'));
    await expect(clients.clientFor(account.id)).rejects.toMatchObject({ code: 'key-unreadable' });
    decrypt.mockImplementation(realDecrypt);
    await expect(clients.clientFor(account.id)).resolves.toMatchObject({ keyFingerprint: keyFingerprint(testKeyPair('locked').apiKey) });
  });

  it('closes and forgets the client that checked a key the vault then could not save', async () => {
    const { vault, clients, cipher, makeClient } = setup();
    vi.spyOn(cipher, 'encrypt').mockRejectedValueOnce(new Error('keyring refused'));
    await expect(add(vault, 'unsealed')).rejects.toMatchObject({ code: 'encryption-failed' });
    const checking = makeClient.mock.results[0]?.value as KrakenClient;
    expect(checking.close).toHaveBeenCalledTimes(1);
    // Added again, the key gets a client of its own: the closed one is never handed out.
    const account = await add(vault, 'unsealed');
    expect(await clients.clientFor(account.id)).not.toBe(checking);
  });

  it('turns a failed check into a field-specific error and keeps no client for it', async () => {
    const { vault, clients, makeClient, failBalance } = setup();
    failBalance(new KrakenError('permission-denied', { krakenErrors: ['EGeneral:Permission denied'] }));
    await expect(add(vault, 'nofunds')).rejects.toMatchObject({ code: 'missing-permission', field: 'apiKey' });
    expect(vault.list()).toEqual([]);
    expect(makeClient).toHaveBeenCalledTimes(1);
    await expect(clients.clientFor('anything')).rejects.toMatchObject({ code: 'account-not-found' });
  });
});

describe('createAccountClients with "Update key"', () => {
  it('hands out the client that checked the new key and closes the old one', async () => {
    const { vault, clients, makeClient } = setup();
    const account = await add(vault, 'before');
    const before = await clients.clientFor(account.id);
    await vault.replaceKey({ id: account.id, ...testKeyPair('after') });
    const after = await clients.clientFor(account.id);
    expect(after).not.toBe(before);
    expect(after).toBe(makeClient.mock.results[1]?.value);
    expect(after.keyFingerprint).toBe(keyFingerprint(testKeyPair('after').apiKey));
    expect(before.close).toHaveBeenCalledTimes(1);
    expect(after.close).not.toHaveBeenCalled();
  });

  it('closes the old client even while it is still being built from the old key', async () => {
    const { vault, clients, setTier, makeClient } = setup();
    const account = await add(vault, 'building');
    setTier('pro'); // the next clientFor decrypts the old key for a new client
    const building = clients.clientFor(account.id);
    await vault.replaceKey({ id: account.id, ...testKeyPair('replacing') });
    const old = await building;
    await Promise.resolve();
    expect(old.close).toHaveBeenCalledTimes(1);
    expect((await clients.clientFor(account.id)).keyFingerprint).toBe(keyFingerprint(testKeyPair('replacing').apiKey));
    expect(makeClient).toHaveBeenCalledTimes(3);
  });

  it('keeps the old client in use when Kraken refuses the new key, and closes the one that checked it', async () => {
    const { vault, clients, makeClient, failBalance } = setup();
    const account = await add(vault, 'kept');
    const kept = await clients.clientFor(account.id);
    failBalance(new KrakenError('invalid-key', { krakenErrors: ['EAPI:Invalid key'] }));
    await expect(vault.replaceKey({ id: account.id, ...testKeyPair('refused') })).rejects.toMatchObject({ code: 'key-rejected', field: 'apiKey' });
    const checking = makeClient.mock.results[1]?.value as KrakenClient;
    expect(checking.close).toHaveBeenCalledTimes(1);
    expect(await clients.clientFor(account.id)).toBe(kept);
    expect(kept.close).not.toHaveBeenCalled();
  });
});

describe('checking keys against the fake Kraken', () => {
  const servers: FakeKraken[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function live() {
    const good = testKeyPair('live-good');
    const noFunds = testKeyPair('live-nofunds');
    const fake = await startFakeKraken({ keys: [{ ...good }, { ...noFunds, canQueryFunds: false }] });
    servers.push(fake);
    const nonces = memoryStore();
    const vault: Vault = new Vault({ store: memoryStore(), cipher: createFakeCipher(), checkKey: (credentials) => clients.checkKey(credentials) });
    const clients = createAccountClients({ vault, makeClient: krakenClientFactory({ nonceStore: createPersistentNonceStore(nonces), baseUrl: fake.url, fetch: globalThis.fetch }), tier: () => 'starter' });
    return { fake, vault, clients, good, noFunds, nonces };
  }

  it('adds a working key with one signed Balance call, then reuses that client', async () => {
    const { fake, vault, clients, good } = await live();
    const account = await vault.add({ label: 'Main', ...good });
    expect(fake.calls.map((c) => [c.path, c.verified, c.errors])).toEqual([['/0/private/Balance', true, []]]);
    const client = await clients.clientFor(account.id);
    await client.balance();
    expect(fake.calls).toHaveLength(2);
    expect(BigInt(fake.calls[1]?.nonce ?? 0)).toBeGreaterThan(BigInt(fake.calls[0]?.nonce ?? 0));
  });

  it('maps Kraken’s answers for a wrong secret, an unknown key and a key without Query Funds to their fields', async () => {
    const { vault, good, noFunds } = await live();
    const other = testKeyPair('live-unknown');
    await expect(vault.add({ label: 'x', apiKey: good.apiKey, apiSecret: other.apiSecret })).rejects.toMatchObject({ code: 'secret-mismatch', field: 'apiSecret' });
    await expect(vault.add({ label: 'x', ...other })).rejects.toMatchObject({ code: 'key-rejected', field: 'apiKey' });
    await expect(vault.add({ label: 'x', ...noFunds })).rejects.toMatchObject({ code: 'missing-permission', field: 'apiKey' });
    expect(vault.list()).toEqual([]);
  });

  it('signs with the new key after an update, on that key’s own nonce mark; the old key’s mark stays', async () => {
    const { fake, vault, clients, good, nonces } = await live();
    const account = await vault.add({ label: 'Main', ...good });
    await (await clients.clientFor(account.id)).balance();
    const oldMark = nonces.get(keyFingerprint(good.apiKey));
    const next = testKeyPair('live-next');
    fake.addKey({ ...next });
    await vault.replaceKey({ id: account.id, ...next });
    await (await clients.clientFor(account.id)).balance();
    expect(fake.calls.map((c) => [c.apiKey === next.apiKey ? 'new' : 'old', c.verified, c.errors])).toEqual([
      ['old', true, []], ['old', true, []], ['new', true, []], ['new', true, []],
    ]);
    expect(nonces.get(keyFingerprint(good.apiKey))).toBe(oldMark);
    expect(nonces.get(keyFingerprint(next.apiKey))).toBe(fake.lastNonce(next.apiKey));
  });

  it('keeps a removed key’s nonce mark, so adding it again continues above it', async () => {
    const { fake, vault, good, nonces } = await live();
    const account = await vault.add({ label: 'Main', ...good });
    const mark = nonces.get(keyFingerprint(good.apiKey));
    vault.remove(account.id);
    expect(nonces.get(keyFingerprint(good.apiKey))).toBe(mark);
    await vault.add({ label: 'Main again', ...good });
    expect(fake.calls.map((c) => c.errors)).toEqual([[], []]);
    expect(BigInt(fake.lastNonce(good.apiKey) ?? 0)).toBeGreaterThan(BigInt(String(mark)));
  });
});
