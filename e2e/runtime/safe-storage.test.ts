import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopEnvironment, selectBackend, V10_KEY, type KeyringState } from './linux-keyring.ts';
import { RuntimeSafeStorage } from './safe-storage.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function keyringDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtime-keyring-test-'));
  dirs.push(dir);
  return dir;
}

function storage(options: { passwordStore?: string; keyring?: KeyringState; dir?: string; env?: NodeJS.ProcessEnv; ready?: boolean }): RuntimeSafeStorage {
  const safeStorage = new RuntimeSafeStorage({
    passwordStore: options.passwordStore ?? '',
    env: options.env ?? {},
    keyring: options.keyring ?? 'absent',
    keyringDir: options.dir ?? keyringDir(),
    noEncryption: false,
    appName: () => 'Kraken Balances',
  });
  if (options.ready !== false) safeStorage.markReady();
  return safeStorage;
}

const prefix = (sealed: Buffer): string => sealed.subarray(0, 3).toString('latin1');

describe('the reported backend is decided before any keyring is tried', () => {
  it('follows --password-store, then the desktop, whatever the keyring does', () => {
    expect(storage({ passwordStore: 'gnome-libsecret', keyring: 'absent' }).getSelectedStorageBackend()).toBe('gnome_libsecret');
    expect(storage({ passwordStore: 'basic', keyring: 'unlocked' }).getSelectedStorageBackend()).toBe('basic_text');
    expect(storage({ env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' } }).getSelectedStorageBackend()).toBe('gnome_libsecret');
    expect(storage({ env: { XDG_CURRENT_DESKTOP: 'KDE', KDE_SESSION_VERSION: '6' } }).getSelectedStorageBackend()).toBe('kwallet6');
    expect(storage({ env: {} }).getSelectedStorageBackend()).toBe('basic_text');
    expect(storage({ ready: false }).getSelectedStorageBackend()).toBe('unknown');
  });

  it('reads desktops the way Chromium names them', () => {
    expect(desktopEnvironment({ XDG_CURRENT_DESKTOP: 'X-Cinnamon' })).toBe('CINNAMON');
    expect(desktopEnvironment({ XDG_CURRENT_DESKTOP: 'Unity', DESKTOP_SESSION: 'gnome-fallback' })).toBe('GNOME');
    expect(desktopEnvironment({ DESKTOP_SESSION: 'xubuntu' })).toBe('XFCE');
    expect(selectBackend('', { XDG_CURRENT_DESKTOP: 'LXQt' })).toBe('basic_text');
    expect(selectBackend('kwallet5', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe('kwallet5');
  });
});

describe('what actually seals the data', () => {
  it('a keyring that answers seals v11, and the item is "<App> Safe Storage" outside the app data', async () => {
    const dir = keyringDir();
    const safeStorage = storage({ passwordStore: 'gnome-libsecret', keyring: 'unlocked', dir });
    const sealed = await safeStorage.encryptStringAsync('secret');
    expect(prefix(sealed)).toBe('v11');
    expect(await safeStorage.decryptStringAsync(sealed)).toEqual({ shouldReEncrypt: false, result: 'secret' });
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'secret-service.json'), 'utf8')) as object)).toEqual(['Kraken Balances Safe Storage']);
    expect(safeStorage.isEncryptionAvailable()).toBe(true);
  });

  it('a reported keyring that does not answer falls back to the hard-coded key (v10), and the sync API says so', async () => {
    const safeStorage = storage({ passwordStore: 'gnome-libsecret', keyring: 'absent' });
    expect(safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret');
    expect(await safeStorage.isAsyncEncryptionAvailable()).toBe(true);
    expect(prefix(await safeStorage.encryptStringAsync('secret'))).toBe('v10');
    expect(safeStorage.isEncryptionAvailable()).toBe(false);
    expect(() => safeStorage.encryptString('secret')).toThrow('Encryption is not available.');
  });

  it('basic_text reported for want of a known desktop still uses a keyring that answers', async () => {
    const safeStorage = storage({ keyring: 'unlocked', env: {} });
    expect(safeStorage.getSelectedStorageBackend()).toBe('basic_text');
    expect(prefix(await safeStorage.encryptStringAsync('secret'))).toBe('v11');
    expect(safeStorage.isEncryptionAvailable()).toBe(false);
  });

  it('--password-store=basic never asks the keyring', async () => {
    expect(prefix(await storage({ passwordStore: 'basic', keyring: 'unlocked' }).encryptStringAsync('secret'))).toBe('v10');
  });

  it('v10 is Chromium\'s hard-coded key (PBKDF2 of "peanuts"), AES-128-CBC', async () => {
    expect(V10_KEY.toString('hex')).toBe('fd621fe5a2b402539dfa147ca9272778');
    const sealed = await storage({ passwordStore: 'basic' }).encryptStringAsync('x');
    expect(sealed.length).toBe(3 + 16);
  });
});

describe('decrypting across keyring states', () => {
  it('says shouldReEncrypt for v10 data once a keyring seals', async () => {
    const dir = keyringDir();
    const weak = await storage({ passwordStore: 'gnome-libsecret', keyring: 'absent', dir }).encryptStringAsync('secret');
    expect(await storage({ passwordStore: 'gnome-libsecret', keyring: 'unlocked', dir }).decryptStringAsync(weak)).toEqual({ shouldReEncrypt: true, result: 'secret' });
    expect(await storage({ passwordStore: 'gnome-libsecret', keyring: 'absent', dir }).decryptStringAsync(weak)).toEqual({ shouldReEncrypt: false, result: 'secret' });
  });

  it('rejects v11 data as "temporarily unavailable" while the keyring is locked, and opens it once unlocked', async () => {
    const dir = keyringDir();
    const sealed = await storage({ passwordStore: 'gnome-libsecret', keyring: 'unlocked', dir }).encryptStringAsync('secret');
    await expect(storage({ passwordStore: 'gnome-libsecret', keyring: 'locked', dir }).decryptStringAsync(sealed)).rejects.toThrow(
      'safeStorage.decryptStringAsync is temporarily unavailable. Please try again.',
    );
    expect((await storage({ passwordStore: 'gnome-libsecret', keyring: 'unlocked', dir }).decryptStringAsync(sealed)).result).toBe('secret');
  });

  it('refuses damaged or foreign data for good, not as temporary', async () => {
    const safeStorage = storage({ passwordStore: 'gnome-libsecret', keyring: 'unlocked' });
    const sealed = await safeStorage.encryptStringAsync('secret');
    const other = await storage({ passwordStore: 'gnome-libsecret', keyring: 'unlocked' }).encryptStringAsync('secret');
    // AES-CBC without a MAC, like Chromium's OSCrypt on Linux: another key's ciphertext fails its padding
    // check except about once in 256 tries, when it decrypts to garbage. Either way it never gives the secret.
    const foreign = await safeStorage.decryptStringAsync(other).then((answer) => answer.result, (error: Error) => error.message);
    expect([expect.stringContaining('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.'), expect.not.stringContaining('secret')]).toContainEqual(foreign);
    expect(foreign).not.toBe('secret');
    await expect(safeStorage.decryptStringAsync(Buffer.from('not sealed'))).rejects.toThrow('Error while decrypting');
    expect(sealed).not.toEqual(other);
  });

  it('before ready: async calls reject, availability is false, the backend unknown', async () => {
    const safeStorage = storage({ ready: false });
    await expect(safeStorage.encryptStringAsync('x')).rejects.toThrow('safeStorage cannot be used before app is ready');
    await expect(safeStorage.isAsyncEncryptionAvailable()).resolves.toBe(false);
    expect(() => safeStorage.encryptString('x')).toThrow('safeStorage cannot be used before app is ready');
  });

  it('the sync API under basic_text works only with setUsePlainTextEncryption, and seals v10', () => {
    const safeStorage = storage({ passwordStore: 'basic' });
    expect(safeStorage.isEncryptionAvailable()).toBe(false);
    safeStorage.setUsePlainTextEncryption(true);
    const sealed = safeStorage.encryptString('secret');
    expect([prefix(sealed), safeStorage.decryptString(sealed)]).toEqual(['v10', 'secret']);
  });
});
