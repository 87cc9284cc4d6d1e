import { describe, expect, it } from 'vitest';
import { countAccountsIn, salvageVaultFile, type StoredAccount } from './vault-file.ts';

const account = (n: number): StoredAccount => ({
  id: `id-${n}`,
  label: `Account {${n}}`,
  fingerprint: `kraken:${String(n).repeat(32)}`,
  addedAt: '2025-01-01T00:00:00.000Z',
  hasOtp: false,
  demo: false,
  lastCheck: { at: '2025-01-02T00:00:00.000Z', ok: true },
  sealed: Buffer.from(`ciphertext ${n}`).toString('base64'),
});

// The layout electron-store writes: tab-indented JSON.
const file = JSON.stringify({ accounts: [account(1), account(2), account(3)], weakProtection: { acceptedAt: '2025-01-01T00:00:00.000Z', backend: 'basic_text' } }, null, '\t');

describe('salvageVaultFile', () => {
  it('recovers every complete account of a file cut off inside the third one', () => {
    const cut = file.slice(0, file.indexOf('"id-3"') + 10);
    expect(salvageVaultFile(cut)).toEqual({ accounts: [account(1), account(2)] });
    expect(countAccountsIn(cut)).toBe(3);
  });

  it('recovers accounts on both sides of a garbled stretch, and the weak-protection choice', () => {
    const garbled = file.replace('"id-2"', '"id-\u0000\u0000\u0000');
    expect(salvageVaultFile(garbled)).toEqual({
      accounts: [account(1), account(3)],
      weakProtection: { acceptedAt: '2025-01-01T00:00:00.000Z', backend: 'basic_text' },
    });
    expect(countAccountsIn(garbled)).toBe(3);
  });

  it('recovers nothing, without failing, from a file with nothing readable', () => {
    expect(salvageVaultFile('\u0000'.repeat(512))).toEqual({ accounts: [] });
    expect(salvageVaultFile('')).toEqual({ accounts: [] });
  });

  it('takes an account written twice only once', () => {
    expect(salvageVaultFile(`${JSON.stringify(account(1))}\n${JSON.stringify(account(1))}`)).toEqual({ accounts: [account(1)] });
  });
});
