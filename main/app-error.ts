/**
 * The app's own errors (vault, settings, balances, routes): each is meant for the user, so its message,
 * hint and field are shown as they are and must hold no secret. Kraken's protocol errors are KrakenError
 * (main/kraken/errors.ts); main/ipc/ipc-error.ts turns either into what the window is told.
 */
export class AppError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  /** The form field at fault, if any (apiKey, apiSecret, otp, label). */
  readonly field: string | undefined;
  /** Epoch ms before which trying again is pointless (a lockout's end), if known. */
  readonly retryAt: number | undefined;

  constructor(code: string, message: string, options: { hint?: string; field?: string; retryAt?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.field = options.field;
    this.retryAt = options.retryAt;
  }
}
