import type { ReactNode } from 'react';
import { ageText, clockTime, countdownText } from '../../../shared/time.ts';
import { useNow } from '../hooks/use-now.ts';

interface RefreshClockProps {
  fetchedAt: string | null;
  nextRefreshAt: string | null;
  refreshing: boolean;
  locale: string;
}

/** "Updated 14:03:12 (2 minutes ago) · Next refresh in 0:42", ticking once a second on its own. */
export function RefreshClock({ fetchedAt, nextRefreshAt, refreshing, locale }: RefreshClockProps): ReactNode {
  const now = useNow();
  const next = nextRefreshAt === null ? null : Date.parse(nextRefreshAt) - now;
  return (
    <p className="refresh-clock">
      {fetchedAt !== null ? (
        <span data-testid="updated-at">
          Updated <time dateTime={fetchedAt}>{clockTime(fetchedAt, locale)}</time> ({ageText(now - Date.parse(fetchedAt), locale)})
        </span>
      ) : (
        <span data-testid="updated-at">Not updated yet</span>
      )}
      {refreshing ? (
        <span data-testid="next-refresh"> · Refreshing now…</span>
      ) : next !== null ? (
        // Deliberately not a live region: announcing every second would drown out everything else.
        <span data-testid="next-refresh">
          {' '}
          · Next refresh in <span className="countdown">{countdownText(next)}</span>
        </span>
      ) : null}
    </p>
  );
}
