import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { KrakenError } from '../kraken/errors.ts';
import { describeRefreshError, refreshErrorDetail } from './refresh-error.ts';

describe('describeRefreshError', () => {
  it('retries a keyring still locked after login on its own, without marking the key as failed', () => {
    const described = describeRefreshError(new AppError('keyring-locked', 'Your system keyring is still locked.'));
    expect(described).toMatchObject({ retryable: true, aboutTheKey: false });
  });

  it('points every refused saved key to "Update key", and to Kraken by the one path to its API settings', () => {
    for (const code of ['invalid-key', 'invalid-secret', 'invalid-signature', 'permission-denied', 'invalid-nonce'] as const) {
      const { error } = describeRefreshError(new KrakenError(code));
      expect(error, code).toMatchObject({ code, kind: 'key', hint: expect.stringContaining('with Update key') });
      expect(error.hint, code).not.toMatch(/paste/i);
      if (/on Kraken \(/.test(error.hint ?? '')) expect(error.hint).toContain('(Settings → Connections & API)');
    }
    // A lockout passes by itself: no key to update, the general hint stays.
    expect(describeRefreshError(new KrakenError('lockout')).error.hint).toBe(new KrakenError('lockout').hint);
  });

  it('waits for the user when the saved key cannot be decrypted at all', () => {
    const described = describeRefreshError(new AppError('key-unreadable', 'The saved key cannot be decrypted.'));
    expect(described).toMatchObject({ retryable: false, aboutTheKey: true });
  });
});

describe('refreshErrorDetail', () => {
  it("gives the HTTP status and Kraken's own error strings for the log", () => {
    const thrown = new KrakenError('invalid-nonce', { httpStatus: 200, krakenErrors: ['EAPI:Invalid nonce', 'EGeneral:Temporary lockout'] });
    expect(refreshErrorDetail(thrown)).toBe(' (HTTP 200; EAPI:Invalid nonce; EGeneral:Temporary lockout)');
  });

  it('says nothing where there is nothing from Kraken, and bounds what there is', () => {
    expect(refreshErrorDetail(new KrakenError('network'))).toBe('');
    expect(refreshErrorDetail(new TypeError('x'))).toBe('');
    const long = refreshErrorDetail(new KrakenError('internal-error', { krakenErrors: [`EGeneral:${'x'.repeat(500)}`] }));
    expect(long).toHaveLength(203);
    expect(long.endsWith('…)')).toBe(true);
  });
});
