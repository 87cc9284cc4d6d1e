import { redactSecretShapes, redactStrings } from './kraken/secret-shapes.ts';

/**
 * The app's only logger. Everything logged passes through `redact`, so a secret cannot reach a log even
 * through an error message or a stack:
 * - API private keys are scrubbed by their shape (kraken/secret-shapes.ts), so no copy of one is kept here;
 * - 2FA passwords have no shape, so each is registered by its owner (an account id, or a key being added)
 *   once its own shape was accepted, and forgotten when that add fails or the account is removed.
 * The registry is bounded: a renderer sending junk cannot grow it, and cannot make ordinary words vanish
 * from later log lines, since nothing it sends is registered before the vault has accepted it.
 * Every line also passes `scrubAmounts`, so no balance or price reaches a log either. Lines go to the console
 * and, once `attachLogFile` is called, to the rotated log file in the data folder; the last warnings and
 * errors are kept for Help → Copy diagnostics.
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

/**
 * Kraken writes every amount, price and value as a decimal with a fraction ("0.5000000000"); nothing the
 * app needs to debug a problem is such a number, so each one is blanked. Versions, IP addresses and
 * times (more than one dot, or none) are left as they are.
 */
export function scrubAmounts(text: string): string {
  return text.replace(/(?<![\d.])\d+\.\d+(?![\d.])/g, '[number]');
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

type Level = 'info' | 'warn' | 'error';

/** Where log lines go besides the console (main/log-file.ts). */
export interface LogSink {
  write(line: string): void;
}

/** A warning or error as Copy diagnostics reports it: already redacted and scrubbed. */
export interface LoggedProblem {
  readonly at: string;
  readonly level: 'warn' | 'error';
  readonly message: string;
}

const RECENT_PROBLEMS_KEPT = 10;
/** A problem's text in diagnostics: its first line (a stack's frames say nothing a user should paste). */
const PROBLEM_MAX_CHARS = 300;
const recent: LoggedProblem[] = [];
let sink: LogSink | null = null;

/** Sends every line from now on to the log file too. */
export function attachLogFile(file: LogSink): void {
  sink = file;
}

/** The last warnings and errors, oldest first. */
export function recentProblems(): readonly LoggedProblem[] {
  return [...recent];
}

const TO_CONSOLE: Record<Level, (message: string) => void> = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

function emit(level: Level, parts: unknown[]): void {
  const message = scrubAmounts(redact(format(parts)));
  TO_CONSOLE[level](message);
  const at = new Date().toISOString();
  sink?.write(`${at} ${level.toUpperCase().padEnd(5)} ${message}`);
  if (level === 'info') return;
  recent.push({ at, level, message: (message.split('\n')[0] ?? '').slice(0, PROBLEM_MAX_CHARS) });
  if (recent.length > RECENT_PROBLEMS_KEPT) recent.shift();
}

export const log = {
  info: (...parts: unknown[]): void => emit('info', parts),
  warn: (...parts: unknown[]): void => emit('warn', parts),
  error: (...parts: unknown[]): void => emit('error', parts),
};
