import { describe, expect, it } from 'vitest';
import { normalizeCredentials } from '../../main/vault/key-shape.ts';
import { DEFAULT_KEYS } from './fixtures.ts';

describe('fake Kraken credentials', () => {
  it.each(DEFAULT_KEYS.map((key) => [key.name, key.apiKey, key.apiSecret]))('the %s pair has the shapes the app accepts when a key is added', (_name, apiKey, apiSecret) => {
    expect(normalizeCredentials({ apiKey, apiSecret })).toEqual({ apiKey, apiSecret });
  });
});
