import { describe, expect, it } from 'vitest';
import { normalizeCredentials } from '../../main/vault/key-shape.ts';
import {
  FAKE_API_KEY,
  FAKE_API_SECRET,
  FAKE_NO_FUNDS_API_KEY,
  FAKE_NO_FUNDS_API_SECRET,
  FAKE_NO_WS_API_KEY,
  FAKE_NO_WS_API_SECRET,
  FAKE_SECOND_API_KEY,
  FAKE_SECOND_API_SECRET,
} from './fixtures.ts';

describe('fake Kraken credentials', () => {
  it.each([
    ['main', FAKE_API_KEY, FAKE_API_SECRET],
    ['second', FAKE_SECOND_API_KEY, FAKE_SECOND_API_SECRET],
    ['no funds', FAKE_NO_FUNDS_API_KEY, FAKE_NO_FUNDS_API_SECRET],
    ['no WebSocket', FAKE_NO_WS_API_KEY, FAKE_NO_WS_API_SECRET],
  ])('the %s pair has the shapes the app accepts when a key is added', (_name, apiKey, apiSecret) => {
    expect(normalizeCredentials({ apiKey, apiSecret })).toEqual({ apiKey, apiSecret });
  });
});
