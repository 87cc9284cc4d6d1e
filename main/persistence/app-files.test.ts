import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_CLIENT } from '../vault/testing/checked-key.ts';
import { createFakeCipher } from '../vault/testing/fake-cipher.ts';
import { Vault } from '../vault/vault.ts';
import { openAppFiles } from './app-files.ts';

// electron-store loads Electron itself, which has no binary here: a file-backed stand-in with its API.
vi.mock('electron-store', async () => {
  const fs = await import('node:fs');
  const nodePath = await import('node:path');
  return {
    default: class FileStore {
      private readonly file: string;
      constructor(options: { name: string; cwd: string; configFileMode: number }) {
        this.file = nodePath.join(options.cwd, `${options.name}.json`);
      }
      private read(): Record<string, unknown> {
        return fs.existsSync(this.file) ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, unknown>) : {};
      }
      get(key: string): unknown {
        return this.read()[key];
      }
      set(key: string, value: unknown): void {
        fs.writeFileSync(this.file, JSON.stringify({ ...this.read(), [key]: value }));
      }
      delete(key: string): void {
        const { [key]: _gone, ...rest } = this.read();
        fs.writeFileSync(this.file, JSON.stringify(rest));
      }
    },
  };
});
vi.mock('electron', () => ({
  ipcMain: { removeAllListeners: () => undefined },
  safeStorage: {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  },
}));

describe('openAppFiles', () => {
  let dir: string;
  /** The files, and the vault over accounts.json as main/index.ts makes it, with the notices the user would see. */
  const open = () => {
    const files = openAppFiles(dir);
    const vault = new Vault({ store: files.accounts, cipher: createFakeCipher(), checkKey: () => Promise.resolve(NO_CLIENT) });
    return { vault, notices: [...files.notices, vault.notice].filter((notice) => notice !== null) };
  };
  const account = (id: string) => ({
    id, label: id, fingerprint: `kraken:${id}`, addedAt: '2025-01-01T00:00:00.000Z', hasOtp: false, demo: false, lastCheck: null, sealed: 'c2VhbGVk',
  });

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'open-vault-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts quietly with no files', () => {
    const { vault, notices } = open();
    vault.addDemo();
    expect(notices).toEqual([]);
    expect(readdirSync(dir)).toEqual(['accounts.json']);
  });

  it('tells how many accounts survived a damaged key file', () => {
    const intact = JSON.stringify({ accounts: [account('a'), account('b'), account('c')] }, null, '\t');
    writeFileSync(path.join(dir, 'accounts.json'), intact.slice(0, intact.indexOf('"c"') + 2));
    const { vault, notices } = open();
    expect(vault.list().map((a) => a.label)).toEqual(['a', 'b']);
    expect(notices).toEqual([expect.stringMatching(/^The file with your saved API keys was damaged\. The app kept a copy of it as accounts\.damaged-.*\.json in its data folder and recovered 2 of the 3 saved accounts\. Add the missing key again\.$/)]);
  });

  it('says when nothing could be recovered, and when every account was', () => {
    writeFileSync(path.join(dir, 'accounts.json'), '\u0000'.repeat(64));
    expect(open().notices).toEqual([expect.stringContaining('started with no saved accounts. Add your keys again.')]);
    writeFileSync(path.join(dir, 'accounts.json'), `${JSON.stringify({ accounts: [account('a'), account('b')] })}\u0000garbage`);
    expect(open().notices).toEqual([expect.stringContaining('recovered all 2 saved accounts.')]);
  });

  it('reports entries this version cannot read, and a damaged nonce file', () => {
    writeFileSync(path.join(dir, 'accounts.json'), JSON.stringify({ accounts: [account('a'), { id: 'x', format: 2 }] }));
    writeFileSync(path.join(dir, 'nonces.json'), '{"kraken:a": "1700000000000", "kraken:b": "17000');
    const { vault, notices } = open();
    expect(vault.list()).toHaveLength(1);
    expect(notices).toEqual([
      expect.stringMatching(/^The file where the app remembers its last request number \(nonce\) for each key was damaged\./),
      'One saved account could not be read by this version of the app. It is not shown, and it stays in the file untouched.',
    ]);
  });
});
