import type { ReactNode } from 'react';
import type { EarnSummary } from '../../../ipc/contract.ts';
import { compareDecimals } from '../../../shared/decimal-string.ts';
import { MASK, moneyChangeText, signedPercentText, type QuoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { shortDateTime } from '../../../shared/time.ts';
import { earnSummaryText } from '../model/earn-view.ts';
import type { PeriodChange } from '../model/period-change.ts';

interface FormatProps {
  locale: NumberLocale;
  quote: QuoteFormat;
  privacy: boolean;
}

function tone(delta: string | null): 'up' | 'down' | 'flat' | 'none' {
  if (delta === null) return 'none';
  const direction = compareDecimals(delta, '0');
  return direction > 0 ? 'up' : direction < 0 ? 'down' : 'flat';
}

const ARROWS = { up: '▲', down: '▼', flat: '■', none: '' } as const;

/** What a figure compares, for its tooltip. */
function explanation(change: PeriodChange, locale: NumberLocale): string {
  if (change.source === 'prices') return "Market movement: today's balances valued now and at Kraken's prices 24 hours ago.";
  if (change.since === null) return `No total recorded about ${change.label} ago yet: this app keeps history from its first refresh.`;
  return `The total now against the total recorded ${shortDateTime(change.since, locale.locale)} (deposits and withdrawals count too).`;
}

/** The 24 h change in full (amount and percent), the longer periods as percentages beside it. */
export function PeriodChanges({ changes, locale, quote, privacy }: FormatProps & { changes: readonly PeriodChange[] }): ReactNode {
  const [day, ...longer] = changes;
  if (day === undefined) return null;
  const dayTone = tone(day.delta);
  return (
    <>
      {day.delta === null ? (
        <p className="change change-none" data-testid="total-change" title={explanation(day, locale)}>
          24 h change: not known yet
        </p>
      ) : (
        <p className={`change change-${dayTone}`} data-testid="total-change" title={explanation(day, locale)}>
          <span aria-hidden="true">{ARROWS[dayTone]} </span>
          {privacy ? MASK : moneyChangeText(day.delta, quote, locale)}
          {day.percent !== null && ` (${signedPercentText(day.percent, locale)})`} in 24 h
        </p>
      )}
      <ul className="period-changes" data-testid="period-changes" aria-label="Change of the total">
        {longer.map((change) => (
          <li key={change.label} title={explanation(change, locale)} data-period={change.label}>
            <span className="period-label">{change.label} </span>
            <span className={`change-${tone(change.delta)}`}>{change.percent === null ? '—' : signedPercentText(change.percent, locale)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Allocated and rewarded in Earn, under the total; nothing when the account has no Earn allocations. */
export function EarnSummaryLine({ earn, locale, quote, privacy }: FormatProps & { earn: EarnSummary | null }): ReactNode {
  if (earn === null || earn.count === 0) return null;
  return (
    <p className="earn-summary" data-testid="earn-summary" title="Your Earn allocations (Kraken's Earn/Allocations), valued at the prices shown in the table.">
      {earnSummaryText(earn, { locale, quote, privacy })}
    </p>
  );
}
