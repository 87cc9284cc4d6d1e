import { KRAKEN_API_SETTINGS } from '../../shared/kraken-places.ts';
import { AppError } from '../app-error.ts';
import { isKrakenError, type KrakenError } from '../kraken/index.ts';

const NOT_SAVED = 'The key was not saved.';

/**
 * What a failed check of a new key (one Balance call) means for the form: which field is at fault and
 * what to do. A failure that says nothing about the key (network, Kraken busy) is named as such.
 */
export function keyCheckError(error: unknown, hadOtp: boolean): AppError {
  if (!isKrakenError(error)) {
    return new AppError('key-check-failed', `The key could not be checked because of a problem inside the app. ${NOT_SAVED}`, {
      hint: 'Try again. If it keeps happening, restart the app; details are in the log.',
      cause: error,
    });
  }
  if (error.krakenErrors.some((raw) => /otp/i.test(raw))) {
    return new AppError('otp-rejected', `Kraken rejected the 2FA password of this key. ${NOT_SAVED}`, {
      field: 'otp',
      hint: 'Enter the 2FA password set on this API key on Kraken (not your sign-in code), or leave it empty if the key has none.',
    });
  }
  const otpHint = hadOtp ? ' If this key has no 2FA password on Kraken, leave the 2FA field empty.' : '';
  switch (error.code) {
    case 'invalid-key':
      return new AppError('key-rejected', `Kraken does not recognise this API key. ${NOT_SAVED}`, {
        field: 'apiKey',
        hint: `Check that the key still exists on Kraken (${KRAKEN_API_SETTINGS}) and paste it again.${otpHint}`,
      });
    case 'invalid-secret':
    case 'invalid-signature':
      return new AppError('secret-mismatch', `The private key does not match this API key. ${NOT_SAVED}`, {
        field: 'apiSecret',
        hint: `Paste the private key Kraken showed when this API key was created.${hadOtp ? ' If it is right, check the 2FA password.' : ''}`,
      });
    case 'permission-denied':
      return new AppError('missing-permission', `This API key is not allowed to read balances: it needs "Funds permissions: Query". ${NOT_SAVED}`, {
        field: 'apiKey',
        hint: `On Kraken, open ${KRAKEN_API_SETTINGS}, edit the key, tick "Query Funds" and save, then enter it here again.${hadOtp ? '' : ' If the key has a 2FA password, enter it as well.'}`,
      });
    case 'invalid-nonce':
      return new AppError('key-in-use', `Kraken refused the check as out of order, which happens when another program uses the same key. ${NOT_SAVED}`, {
        field: 'apiKey',
        hint: error.hint,
      });
    case 'lockout':
      return new AppError('key-locked', `${error.message} ${NOT_SAVED}`, {
        field: 'apiKey',
        hint: 'Wait until the lock ends, check the API key and private key, then try again.',
        retryAt: error.retryAt ?? undefined,
      });
    default:
      return notAboutTheKey(error);
  }
}

function notAboutTheKey(error: KrakenError): AppError {
  return new AppError('key-check-unavailable', `The key could not be checked: ${error.message} This says nothing about the key itself. ${NOT_SAVED}`, {
    hint: `${error.hint} Then try again.`,
  });
}
