import { redactSecretShapes, redactStrings } from './kraken/secret-shapes.ts';

/**
 * The app's only logger. Everything logged passes through `redact`, so a secret cannot reach a log even
 * through an error message or a stack:
 * - API private keys are scrubbed by their shape (kraken/secret-shapes.ts), so no copy of one is kept here;
 * - 2FA passwords have no shape, so each is registered by its owner (an account id, or a key being added)
 *   once its own shape was accepted, and forgotten when that add fails or the account is removed.
 * The registry is bounded: a renderer sending junk cannot grow it, and cannot make ordinary words vanish
 * from later log lines, since nothing it sends is registered before the vault has accepted it.
 */
const MAX_OWNERS = 256;
const registered = new Map<string, readonly string[]>();

/** Registers `secrets` for redaction under `owner`, replacing what that owner had registered. */
export function registerSecrets(owner: string, secrets: readonly string[]): void {
  registered.delete(owner);
  registered.set(owner, [...secrets]);
  // Oldest first out; only a process with more than MAX_OWNERS accounts could ever get here.
  for (const oldest of registered.keys()) {
    if (registered.size <= MAX_OWNERS) break;
    registered.delete(oldest);
  }
}

export function forgetSecrets(owner: string): void {
  registered.delete(owner);
}

/** How many owners have secrets registered (tests check the bound). */
export function registeredOwnerCount(): number {
  return registered.size;
}

export function redact(text: string): string {
  return redactStrings(redactSecretShapes(text), [...registered.values()].flat());
}

function format(parts: unknown[]): string {
  return parts
    .map((part) => (part instanceof Error ? (part.stack ?? part.message) : typeof part === 'string' ? part : safeJson(part)))
    .join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export const log = {
  info: (...parts: unknown[]): void => console.info(redact(format(parts))),
  warn: (...parts: unknown[]): void => console.warn(redact(format(parts))),
  error: (...parts: unknown[]): void => console.error(redact(format(parts))),
};
