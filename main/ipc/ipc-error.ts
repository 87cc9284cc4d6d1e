import type { IpcError } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { isKrakenError } from '../kraken/index.ts';

export const INTERNAL_ERROR: IpcError = {
  code: 'internal',
  message: 'Something went wrong inside the app.',
  hint: 'Try again. If it keeps happening, restart the app; details are in the log.',
};

/**
 * The one mapping from anything thrown in main to what the window is told (IPC answers and a failed
 * refresh alike). AppError and KrakenError were written for users (code, message, fix hint) and never
 * hold a secret, so they cross as they are; anything else is an internal error whose details stay in the log.
 */
/** The time crosses as ISO; each surface writes it in the user's time zone. */
function retryAtOf(at: number | null | undefined): { retryAt?: string } {
  return at === null || at === undefined ? {} : { retryAt: new Date(at).toISOString() };
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(error.field ? { field: error.field } : {}), ...retryAtOf(error.retryAt) };
  }
  if (isKrakenError(error)) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...retryAtOf(error.retryAt) };
  return INTERNAL_ERROR;
}
