import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { describeRefreshError } from './refresh-error.ts';

describe('describeRefreshError', () => {
  it('retries a keyring still locked after login on its own, without marking the key as failed', () => {
    const described = describeRefreshError(new AppError('keyring-locked', 'Your system keyring is still locked.'));
    expect(described).toMatchObject({ retryable: true, aboutTheKey: false });
  });

  it('waits for the user when the saved key cannot be decrypted at all', () => {
    const described = describeRefreshError(new AppError('key-unreadable', 'The saved key cannot be decrypted.'));
    expect(described).toMatchObject({ retryable: false, aboutTheKey: true });
  });
});
