import { describe, expect, it } from 'vitest';
import { KrakenError, type KrakenErrorCode } from '../kraken/index.ts';
import { keyCheckError } from './key-check.ts';
import { toIpcError } from '../ipc/ipc-error.ts';

const kraken = (code: KrakenErrorCode, krakenErrors: string[] = []) => new KrakenError(code, { krakenErrors });

describe('keyCheckError', () => {
  it.each([
    ['invalid-key', 'key-rejected', 'apiKey', 'Kraken does not recognise this API key.'],
    ['invalid-signature', 'secret-mismatch', 'apiSecret', 'The private key does not match this API key.'],
    ['invalid-secret', 'secret-mismatch', 'apiSecret', 'The private key does not match this API key.'],
    ['permission-denied', 'missing-permission', 'apiKey', 'it needs "Funds permissions: Query"'],
    ['invalid-nonce', 'key-in-use', 'apiKey', 'another program uses the same key'],
  ] as const)('maps %s to %s on the %s field', (code, appCode, field, message) => {
    const error = keyCheckError(kraken(code), false);
    expect(error).toMatchObject({ code: appCode, field });
    expect(error.message).toContain(message);
    expect(error.message).toContain('The key was not saved.');
  });

  it('points at the 2FA field when Kraken names the OTP', () => {
    expect(keyCheckError(kraken('unknown', ['EAPI:Invalid OTP']), true)).toMatchObject({ code: 'otp-rejected', field: 'otp' });
    expect(keyCheckError(kraken('invalid-arguments', ['EGeneral:Invalid arguments:otp']), true)).toMatchObject({ field: 'otp' });
  });

  it('mentions the 2FA password where it can be the cause', () => {
    expect(keyCheckError(kraken('invalid-key'), true).hint).toContain('leave the 2FA field empty');
    expect(keyCheckError(kraken('invalid-signature'), true).hint).toContain('check the 2FA password');
    expect(keyCheckError(kraken('permission-denied'), false).hint).toContain('If the key has a 2FA password, enter it');
    expect(keyCheckError(kraken('permission-denied'), true).hint).not.toContain('2FA');
  });

  it.each(['timeout', 'network', 'service-unavailable', 'rate-limited', 'bad-response', 'internal-error'] as const)(
    'says a %s failure is not a problem with the key, on no field',
    (code) => {
      const error = keyCheckError(kraken(code), false);
      expect(error.code).toBe('key-check-unavailable');
      expect(error.field).toBeUndefined();
      expect(error.message).toContain('This says nothing about the key itself.');
    },
  );

  it('keeps a lockout on the key field with its end time, and hides anything that is not a Kraken error', () => {
    const until = Date.UTC(2025, 0, 1, 0, 15);
    const lockout = new KrakenError('lockout', { retryAt: until });
    const described = keyCheckError(lockout, false);
    expect(described).toMatchObject({ code: 'key-locked', field: 'apiKey', retryAt: until });
    // The end time crosses as data; the window writes it in local time.
    expect(toIpcError(described)).toMatchObject({ retryAt: '2025-01-01T00:15:00.000Z' });
    expect(described.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const internal = keyCheckError(new TypeError('x is undefined'), false);
    expect(internal.code).toBe('key-check-failed');
    expect(internal.message).not.toContain('undefined');
  });
});
