import type { ReactNode } from 'react';
import type { HelpTopic, IpcError } from '../../../ipc/contract.ts';
import { clockTime, countdownText } from '../../../shared/time.ts';
import { useNow } from '../hooks/use-now.ts';

/** Problems on Kraken's side (busy, down, garbled answers), where Kraken's status page tells more. */
const KRAKEN_SIDE: ReadonlySet<string> = new Set(['service-unavailable', 'internal-error', 'bad-response', 'http', 'prices-unavailable']);

/** "until 14:32:05 · 12:04 left", in the user's time zone and locale, ticking once a second. */
export function RetryTime({ at, locale }: { at: string; locale: string }): ReactNode {
  const now = useNow();
  const left = Date.parse(at) - now;
  if (left <= 0) return <span className="retry-time">trying again now</span>;
  return (
    <span className="retry-time" data-testid="retry-time">
      until <time dateTime={at}>{clockTime(at, locale)}</time> · <span className="countdown">{countdownText(left)}</span> left
    </span>
  );
}

interface ProblemNoticeProps {
  error: IpcError;
  /** The account's name, when more than one account could be meant. */
  label: string | null;
  locale: string;
  onHelp: (topic: HelpTopic) => void;
  /** Opens "Update key" for the account, offered when the saved key itself is the problem. */
  onUpdateKey?: () => void;
}

/**
 * One refresh problem. Problems that pass by themselves (rate limit, Kraken busy or down, network, a
 * lockout running out) look calm and say the app retries; a key problem looks like an error and offers
 * the fix, "Update key".
 */
export function ProblemNotice({ error, label, locale, onHelp, onUpdateKey }: ProblemNoticeProps): ReactNode {
  const kind = error.kind === 'transient' ? 'transient' : 'key';
  const retrying = kind === 'transient';
  const offerUpdate = error.kind === 'key' && onUpdateKey !== undefined;
  const hasActions = offerUpdate || KRAKEN_SIDE.has(error.code) || error.code === 'invalid-nonce';
  return (
    <div className={`error-notice notice-${kind}`} role="alert" data-kind={kind}>
      <p className="error-message">
        <span className="notice-tag">{retrying ? 'Temporary' : 'Needs you'}</span>
        {label && <strong>{label}: </strong>}
        {error.message}
      </p>
      {error.retryAt !== undefined && (
        <p className="error-hint">
          {error.code === 'lockout' ? 'Locked ' : 'Kraken asked the app to wait '}
          <RetryTime at={error.retryAt} locale={locale} />.
        </p>
      )}
      {error.hint && <p className="error-hint">{error.hint}</p>}
      {hasActions && (
      <p className="notice-actions">
        {offerUpdate && (
          <button type="button" className="button button-small" onClick={onUpdateKey}>
            Update key
          </button>
        )}
        {KRAKEN_SIDE.has(error.code) && (
          <button type="button" className="link-button" onClick={() => onHelp('kraken-status')}>
            Kraken status page (opens in your browser)
          </button>
        )}
        {error.code === 'invalid-nonce' && (
          <button type="button" className="link-button" onClick={() => onHelp('nonce-window')}>
            What is a nonce window?
          </button>
        )}
      </p>
      )}
    </div>
  );
}
