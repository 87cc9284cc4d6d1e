import type { IpcError } from '../../ipc/contract.ts';
import { isKrakenError } from '../kraken/index.ts';

/** An error meant for the user: its message and hint are shown as they are, so they must hold no secret. */
export class AppError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly field: string | undefined;

  constructor(code: string, message: string, options: { hint?: string; field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.field = options.field;
  }

  toIpcError(): IpcError {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.field ? { field: this.field } : {}),
    };
  }
}

/** Anything that can describe itself to the user (AppError) crosses IPC as itself. */
interface UserFacing {
  toIpcError(): IpcError;
}

function isUserFacing(error: unknown): error is UserFacing {
  return typeof error === 'object' && error !== null && typeof (error as Partial<UserFacing>).toIpcError === 'function';
}

export const INTERNAL_ERROR: IpcError = {
  code: 'internal',
  message: 'Something went wrong inside the app.',
  hint: 'Try again. If it keeps happening, restart the app; details are in the log.',
};

/** Kraken's errors were written for users (code, message, fix hint) and never hold the secret. */
export function toIpcError(error: unknown): IpcError {
  if (isUserFacing(error)) return error.toIpcError();
  if (isKrakenError(error)) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return INTERNAL_ERROR;
}
