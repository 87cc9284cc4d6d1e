// What a Kraken private key looks like in text, so it can be scrubbed without keeping a copy of it:
// the base64 of 64 bytes (88 characters ending in "=="). API-Sign signatures (HMAC-SHA512) share the
// shape and are scrubbed too, which costs nothing: they are useless once sent.
const SIXTY_FOUR_BYTES_BASE64 = /[A-Za-z0-9+/]{86}==/g;

export const REDACTED = '[redacted]';

/** The text with every private-key-shaped run replaced by [redacted]. */
export function redactSecretShapes(text: string): string {
  return text.replace(SIXTY_FOUR_BYTES_BASE64, REDACTED);
}

/** Shorter than this, a "secret" would blank ordinary words and digits wherever it appears. */
export const MIN_REDACTED_LENGTH = 4;

/** The text with each of `secrets` (long enough to be one) replaced by [redacted]. */
export function redactStrings(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_REDACTED_LENGTH) out = out.split(secret).join(REDACTED);
  return out;
}
