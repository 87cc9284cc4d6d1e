import { KRAKEN_API_SETTINGS } from '../../shared/kraken-places.ts';
import { AppError } from '../app-error.ts';

/** A key pair as Kraken issues it, cleaned up. Lives in main only; never crosses IPC. */
export interface Credentials {
  apiKey: string;
  apiSecret: string;
  /** The key's own 2FA password, if it has one (sent as `otp`). */
  otp?: string;
}

// Kraken's public API key is 56 characters of base64; the private key is base64 of 64 bytes (88 characters).
export const API_KEY_LENGTH = 56;
export const API_SECRET_LENGTH = 88;
const API_SECRET_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const WHITESPACE = /\s/;
const CONTROL = /\p{Cc}/u;
const MAX_OTP_LENGTH = 64;
export const MAX_LABEL_LENGTH = 60;

/**
 * Trims what was pasted and checks its shape before anything is sent to Kraken, naming the field at
 * fault and why. Messages never repeat what was typed: the input may be a secret in the wrong field.
 */
export function normalizeCredentials(input: { apiKey: string; apiSecret: string; otp?: string | undefined }): Credentials {
  const apiKey = input.apiKey.trim();
  const apiSecret = input.apiSecret.trim();
  checkApiKey(apiKey);
  checkApiSecret(apiSecret, apiKey);
  const otp = normalizeOtp(input.otp);
  return otp === undefined ? { apiKey, apiSecret } : { apiKey, apiSecret, otp };
}

function checkApiKey(apiKey: string): void {
  const fail = (message: string, hint = `On Kraken, open ${KRAKEN_API_SETTINGS} and copy the API key of the key you created for this app.`) =>
    new AppError('invalid-api-key', message, { field: 'apiKey', hint });
  if (apiKey === '') throw fail('Enter the API key.');
  if (WHITESPACE.test(apiKey)) throw fail('The API key contains spaces or line breaks. Paste it as one piece.');
  if (isPrivateKeyShaped(apiKey)) {
    throw fail('This looks like the private key, not the API key.', 'Put the API key (56 characters) here and the private key (88 characters) in the private key field.');
  }
  if (!BASE64.test(apiKey)) throw fail('The API key contains characters an API key never has: it is made of letters, digits, + and / only.');
  if (apiKey.length !== API_KEY_LENGTH) {
    throw fail(`An API key is ${API_KEY_LENGTH} characters long; this one has ${apiKey.length}. Check that it was copied whole.`);
  }
}

function checkApiSecret(apiSecret: string, apiKey: string): void {
  const fail = (message: string, hint = `Paste the private key exactly as Kraken showed it when you created the key. If you no longer have it, create a new key on Kraken (${KRAKEN_API_SETTINGS}).`) =>
    new AppError('invalid-api-secret', message, { field: 'apiSecret', hint });
  if (apiSecret === '') throw fail('Enter the private key.');
  if (WHITESPACE.test(apiSecret)) throw fail('The private key contains spaces or line breaks. Paste it as one piece.');
  if (apiSecret === apiKey) throw fail('The private key is the same as the API key. Kraken gives you two different strings.');
  if (apiSecret.length === API_KEY_LENGTH && BASE64.test(apiSecret)) {
    throw fail('This looks like an API key, not the private key.', 'Put the private key (88 characters) here and the API key (56 characters) in the API key field.');
  }
  if (!BASE64.test(apiSecret)) {
    throw fail('The private key is not valid base64: it can only hold letters, digits, + and /, with = at the end.');
  }
  if (apiSecret.length !== API_SECRET_LENGTH || !isCanonicalBase64(apiSecret, API_SECRET_BYTES)) {
    throw fail(`A private key is ${API_SECRET_LENGTH} characters of base64 (64 bytes); this one has ${apiSecret.length} characters. Check that it was copied whole.`);
  }
}

function normalizeOtp(otp: string | undefined): string | undefined {
  const trimmed = otp?.trim() ?? '';
  if (trimmed === '') return undefined;
  const fail = (message: string) =>
    new AppError('invalid-otp', message, { field: 'otp', hint: 'This is the 2FA password set on the API key itself on Kraken, not your sign-in code. Leave it empty if the key has none.' });
  if (trimmed.length > MAX_OTP_LENGTH) throw fail(`The 2FA password is longer than ${MAX_OTP_LENGTH} characters.`);
  if (CONTROL.test(trimmed)) throw fail('The 2FA password contains invisible control characters.');
  return trimmed;
}

function isPrivateKeyShaped(text: string): boolean {
  return text.length === API_SECRET_LENGTH && BASE64.test(text) && isCanonicalBase64(text, API_SECRET_BYTES);
}

/** Decodes to exactly `bytes` bytes and encodes back to the same text (so no stray padding or bits). */
function isCanonicalBase64(text: string, bytes: number): boolean {
  const decoded = Buffer.from(text, 'base64');
  return decoded.length === bytes && decoded.toString('base64') === text;
}

/** A label as the user typed it, trimmed; '' when left empty. */
export function normalizeLabel(label: string): string {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  if ([...trimmed].length > MAX_LABEL_LENGTH) {
    throw new AppError('invalid-label', `The name is longer than ${MAX_LABEL_LENGTH} characters.`, { field: 'label', hint: 'Use a short name such as "Main" or "Savings".' });
  }
  if (CONTROL.test(trimmed)) throw new AppError('invalid-label', 'The name contains invisible control characters.', { field: 'label' });
  return trimmed;
}

/** The 2FA password, if any, as the list log redaction registers (main/log.ts). */
export function otpOf(credentials: Credentials): string[] {
  return credentials.otp === undefined ? [] : [credentials.otp];
}
