import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { normalizeCredentials, normalizeLabel } from './key-shape.ts';
import { testKeyPair } from './testing/key-pair.ts';

const { apiKey, apiSecret } = testKeyPair('shape');

function rejection(input: { apiKey: string; apiSecret: string; otp?: string }): AppError {
  try {
    normalizeCredentials(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the credentials to be rejected');
}

describe('normalizeCredentials', () => {
  it('accepts a Kraken-shaped pair and trims what was pasted around it', () => {
    expect(normalizeCredentials({ apiKey: `  ${apiKey}\n`, apiSecret: `\t${apiSecret} `, otp: '  ' })).toEqual({ apiKey, apiSecret });
    expect(normalizeCredentials({ apiKey, apiSecret, otp: ' hunter22 ' })).toEqual({ apiKey, apiSecret, otp: 'hunter22' });
  });

  it.each([
    ['an empty key', { apiKey: '  ', apiSecret }, 'Enter the API key.'],
    ['a key cut short', { apiKey: apiKey.slice(0, 49), apiSecret }, 'An API key is 56 characters long; this one has 49.'],
    ['a key with characters base64 never has', { apiKey: `${apiKey.slice(0, 50)}-_!#$%`, apiSecret }, 'letters, digits, + and / only'],
    ['a key broken by a line break', { apiKey: `${apiKey.slice(0, 20)}\n${apiKey.slice(20)}`, apiSecret }, 'spaces or line breaks'],
    ['the private key in the key field', { apiKey: apiSecret, apiSecret }, 'looks like the private key'],
  ])('names the API key field for %s', (_name, input, message) => {
    const error = rejection(input);
    expect(error).toMatchObject({ code: 'invalid-api-key', field: 'apiKey' });
    expect(error.message).toContain(message);
  });

  it.each([
    ['an empty private key', { apiKey, apiSecret: '' }, 'Enter the private key.'],
    ['a private key that is not base64', { apiKey, apiSecret: `${apiSecret.slice(0, 80)}!!!!!!==` }, 'not valid base64'],
    ['a private key cut short', { apiKey, apiSecret: apiSecret.slice(0, 60) }, 'this one has 60 characters'],
    ['a private key with padding in the wrong place', { apiKey, apiSecret: `${apiSecret.slice(0, 84)}A=A=` }, 'not valid base64'],
    ['an 88-character string that is not 64 bytes', { apiKey, apiSecret: `${apiSecret.slice(0, 84)}AAAA` }, 'this one has 88 characters'],
    ['the API key in the private key field', { apiKey: testKeyPair('other').apiKey, apiSecret: apiKey }, 'looks like an API key'],
    ['the same text in both fields', { apiKey, apiSecret: apiKey }, 'the same as the API key'],
  ])('names the private key field for %s', (_name, input, message) => {
    const error = rejection(input);
    expect(error).toMatchObject({ code: 'invalid-api-secret', field: 'apiSecret' });
    expect(error.message).toContain(message);
  });

  it('names the 2FA field for a password that cannot be one', () => {
    expect(rejection({ apiKey, apiSecret, otp: 'x'.repeat(65) })).toMatchObject({ code: 'invalid-otp', field: 'otp' });
    expect(rejection({ apiKey, apiSecret, otp: 'abc\u0000def' })).toMatchObject({ code: 'invalid-otp', field: 'otp' });
  });

  it('never repeats the input in a message or hint, since it may be a secret in the wrong field', () => {
    const inputs = [
      { apiKey: apiSecret, apiSecret },
      { apiKey, apiSecret: `${apiSecret}AAAA` },
      { apiKey: `${apiKey}=`, apiSecret },
      { apiKey, apiSecret: apiKey },
    ];
    for (const input of inputs) {
      const error = rejection(input);
      for (const text of [error.message, error.hint ?? '']) {
        expect(text).not.toContain(apiSecret.slice(0, 16));
        expect(text).not.toContain(apiKey.slice(0, 16));
      }
    }
  });
});

describe('normalizeLabel', () => {
  it('trims and folds runs of whitespace', () => {
    expect(normalizeLabel('  Main \t account\n')).toBe('Main account');
    expect(normalizeLabel('   ')).toBe('');
  });

  it('refuses a name that is too long or holds control characters', () => {
    expect(() => normalizeLabel('x'.repeat(61))).toThrow(expect.objectContaining({ code: 'invalid-label', field: 'label' }));
    expect(normalizeLabel('🙂'.repeat(60))).toHaveLength(120);
    expect(() => normalizeLabel('a\u0007b')).toThrow(expect.objectContaining({ code: 'invalid-label' }));
  });
});
