import { createHash } from 'node:crypto';

/**
 * Stable, non-reversible id for an API key, used to key persisted state (nonce high-water mark)
 * so the settings file never holds the key itself. Surrounding whitespace from copy and paste is
 * ignored, as the client ignores it when sending the key.
 */
export function keyFingerprint(apiKey: string): string {
  return 'kraken:' + createHash('sha256').update(apiKey.trim()).digest('hex').slice(0, 32);
}
