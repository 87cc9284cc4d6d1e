import { AppError } from '../../app-error.ts';

/** The AppError a promise rejects with; anything else (or a resolution) fails the test. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(() => new Error('expected a rejection'), (e: unknown) => e);
  if (!(error instanceof AppError)) throw error;
  return error;
}
