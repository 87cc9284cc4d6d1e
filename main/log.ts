/**
 * The app's only logger. Everything logged passes through `redact`, which blanks every secret registered
 * with `registerSecret` (API secrets and 2FA passwords are registered the moment they are read), so a
 * secret cannot reach a log even through an error message or a stack; and through `scrubAmounts`, so no
 * balance or price does either. Lines go to the console and, once `attachLogFile` is called, to the
 * rotated log file in the data folder; the last warnings and errors are kept for Help → Copy diagnostics.
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
