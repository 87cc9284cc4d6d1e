import { describe, expect, it } from 'vitest';
import {
  codeForKrakenError,
  KrakenError,
  krakenErrorFromStrings,
  redactKrakenError,
  toKrakenError,
  type KrakenErrorCode,
} from './errors.ts';

const DOCUMENTED: ReadonlyArray<readonly [string, KrakenErrorCode]> = [
  ['EAPI:Invalid key', 'invalid-key'],
  ['EAPI:Invalid signature', 'invalid-signature'],
  ['EAPI:Invalid nonce', 'invalid-nonce'],
  ['EGeneral:Permission denied', 'permission-denied'],
  ['EGeneral:Invalid arguments', 'invalid-arguments'],
  ['EAPI:Rate limit exceeded', 'rate-limited'],
  ['EGeneral:Temporary lockout', 'lockout'],
  ['EService:Unavailable', 'service-unavailable'],
  ['EService:Busy', 'service-unavailable'],
  ['EGeneral:Internal error', 'internal-error'],
  ['EQuery:Unknown asset pair', 'unknown-asset-pair'],
  ['EGeneral:Too many requests', 'rate-limited'],
];

describe('Kraken error strings', () => {
  it.each(DOCUMENTED)('%s → %s', (raw, code) => {
    expect(codeForKrakenError(raw)).toBe(code);
    const error = krakenErrorFromStrings([raw]);
    expect(error).toBeInstanceOf(KrakenError);
    expect(error.code).toBe(code);
    expect(error.krakenErrors).toEqual([raw]);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('matches strings with a detail suffix, but not look-alikes', () => {
    expect(codeForKrakenError('EGeneral:Invalid arguments:rebase_multiplier')).toBe('invalid-arguments');
    expect(codeForKrakenError('EAPI:Invalid keyboard')).toBe('unknown');
    expect(codeForKrakenError('eapi:invalid key')).toBe('unknown');
  });

  it('gives the fixes users need', () => {
    expect(krakenErrorFromStrings(['EGeneral:Permission denied']).hint).toContain('Funds permissions: Query');
    expect(krakenErrorFromStrings(['EAPI:Invalid nonce']).hint).toContain('its own API key');
    expect(krakenErrorFromStrings(['EAPI:Invalid signature']).hint).toMatch(/private key/i);
  });

  it('retryable only for transient conditions', () => {
    const retryable = Object.fromEntries(DOCUMENTED.map(([raw]) => [raw, krakenErrorFromStrings([raw]).retryable]));
    expect(retryable).toMatchObject({
      'EAPI:Invalid key': false,
      'EAPI:Invalid signature': false,
      'EAPI:Invalid nonce': false,
      'EGeneral:Permission denied': false,
      'EGeneral:Temporary lockout': false,
      'EAPI:Rate limit exceeded': true,
      'EService:Unavailable': true,
      'EService:Busy': true,
    });
  });

  it('an unknown error keeps the raw text in the message', () => {
    const error = krakenErrorFromStrings(['EFunding:Something new']);
    expect(error.code).toBe('unknown');
    expect(error.message).toContain('EFunding:Something new');
  });

  it('warnings (W…) are not failures and the first known failure wins', () => {
    const error = krakenErrorFromStrings(['WGeneral:Deprecated', 'EFoo:Bar', 'EAPI:Invalid nonce']);
    expect(error.code).toBe('invalid-nonce');
    expect(error.krakenErrors).toEqual(['EFoo:Bar', 'EAPI:Invalid nonce']);
  });

  it('bounds raw strings so a hostile server cannot flood the UI', () => {
    const error = krakenErrorFromStrings(['E' + 'x'.repeat(10_000)]);
    expect(error.krakenErrors[0]?.length).toBe(200);
  });
});

describe('KrakenError', () => {
  it('serialises for IPC without stack or cause', () => {
    const error = new KrakenError('timeout', { cause: new Error('inner'), httpStatus: 504 });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toEqual({
      name: 'KrakenError',
      code: 'timeout',
      message: error.message,
      hint: error.hint,
      retryable: true,
      krakenErrors: [],
      httpStatus: 504,
      retryAt: null,
    });
    expect(JSON.stringify(error)).not.toContain('inner');
  });

  it('toKrakenError wraps foreign throwables as unknown, keeping the cause for logs only', () => {
    const wrapped = toKrakenError(new TypeError('x is undefined'));
    expect(wrapped.code).toBe('unknown');
    expect(wrapped.message).not.toContain('x is undefined');
    expect(wrapped.cause).toBeInstanceOf(TypeError);
    const same = new KrakenError('network');
    expect(toKrakenError(same)).toBe(same);
  });

  it('redaction removes a secret from every user-visible string', () => {
    const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=';
    const leaky = new KrakenError('unknown', { message: `oops ${secret}`, hint: secret, krakenErrors: [`E:${secret}`], retryAt: 5 });
    const scrub = (text: string) => text.split(secret).join('[redacted]');
    const clean = redactKrakenError(leaky, scrub);
    expect(JSON.stringify(clean)).not.toContain(secret);
    expect(clean.message).toBe('oops [redacted]');
    expect(clean.retryAt).toBe(5);
    const untouched = new KrakenError('network');
    expect(redactKrakenError(untouched, scrub)).toBe(untouched);
  });
});
