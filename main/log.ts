/**
 * The app's only logger. Everything logged passes through `redact`, which blanks every secret registered
 * with `registerSecret` (API secrets and 2FA passwords are registered the moment they are read), so a
 * secret cannot reach a log even through an error message or a stack.
 */
const secrets = new Set<string>();

export function registerSecret(secret: string): void {
  if (secret.length >= 6) secrets.add(secret);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
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
