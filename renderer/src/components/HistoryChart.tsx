import { memo, type ReactNode } from 'react';
import { HISTORY_RANGES, type HistoryRange, type HistorySeries, type HistorySeriesInfo } from '../../../ipc/contract.ts';
import { MASK, moneyText, quoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { shortDateTime } from '../../../shared/time.ts';
import { summarizeHistory } from '../charts/history-line.ts';
import { TimeLine } from './TimeLine.tsx';
import '../history.css';

export const RANGE_LABELS: Readonly<Record<HistoryRange, string>> = { '24h': '24 h', '7d': '7 d', '30d': '30 d', '1y': '1 y', all: 'All' };
const RANGE_NAMES: Readonly<Record<HistoryRange, string>> = { '24h': 'last 24 hours', '7d': 'last 7 days', '30d': 'last 30 days', '1y': 'last year', all: 'all history' };

/** The 24 h … All buttons; the pressed one is the range shown. */
export function RangeButtons({ range, onRange }: { range: HistoryRange; onRange: (range: HistoryRange) => void }): ReactNode {
  return (
    <div className="range-buttons" role="group" aria-label="Range">
      {HISTORY_RANGES.map((option) => (
        <button key={option} type="button" className="range-button" aria-pressed={option === range} aria-label={RANGE_NAMES[option]} onClick={() => onRange(option)}>
          {RANGE_LABELS[option]}
        </button>
      ))}
    </div>
  );
}

/** The quote currencies a series can be read in: the one shown, the current one and any recorded. */
export function QuotePicker({ series, onQuote }: { series: HistorySeriesInfo; onQuote: (quote: string) => void }): ReactNode {
  const quotes = [...new Set([series.quote, series.currentQuote, ...series.otherQuotes])];
  if (quotes.length < 2) return null;
  return (
    <select className="input history-quote" aria-label="Currency of the chart" value={series.quote} onChange={(event) => onQuote(event.target.value)}>
      {quotes.map((quote) => (
        <option key={quote} value={quote}>
          {quote}
        </option>
      ))}
    </select>
  );
}

/** Why the series looks as it does: another quote, converted points, points left out, accounts joining. */
export function seriesNotes(series: HistorySeriesInfo, revalued: boolean, locale: string, accountLabel: (id: string) => string): string[] {
  const notes: string[] = [];
  if (series.quote !== series.currentQuote) notes.push(`Shown in ${series.quote}, as it was recorded: there is not enough ${series.currentQuote} history yet.`);
  if (revalued) notes.push(`Points recorded in another currency are converted to ${series.quote} at the rate recorded with them.`);
  if (series.unconverted > 0) {
    const others = series.otherQuotes.join(' or ');
    notes.push(`${series.unconverted} point${series.unconverted === 1 ? ' was' : 's were'} recorded in ${others || 'another currency'} with no ${series.quote} price to convert ${series.unconverted === 1 ? 'it' : 'them'}: pick ${others || 'that currency'} to see ${series.unconverted === 1 ? 'it' : 'them'}.`);
  }
  for (const join of series.joins) notes.push(`${accountLabel(join.accountId)} is counted from ${shortDateTime(join.at, locale)}.`);
  return notes;
}

interface HistoryChartProps {
  series: HistorySeries | null;
  range: HistoryRange;
  onRange: (range: HistoryRange) => void;
  onQuote: (quote: string) => void;
  locale: NumberLocale;
  privacy: boolean;
  accountLabel: (id: string) => string;
}

/**
 * The total over time, in the range picked, with a reader for any point. Shown once there is history to
 * draw; a range or currency with too little is said so in words, never dropped silently.
 */
function HistoryCard({ series, range, onRange, onQuote, locale, privacy, accountLabel }: HistoryChartProps): ReactNode {
  if (series === null) return null;
  const points = series.points.map((point) => ({ at: point.at, value: point.total }));
  if (points.length < 2 && range === 'all' && series.otherQuotes.length === 0) return null;
  const quote = quoteFormat(series.quote, locale);
  const money = (value: string) => (privacy ? MASK : moneyText(value, quote, locale));
  const summary = summarizeHistory(points);
  const from = summary ? shortDateTime(summary.first.at, locale.locale) : '';
  const to = summary ? shortDateTime(summary.last.at, locale.locale) : '';
  const description =
    summary === null
      ? ''
      : privacy
        ? `Portfolio value from ${from} to ${to}; amounts hidden.`
        : `Portfolio value from ${from} to ${to}: ${money(summary.first.value)} to ${money(summary.last.value)}, low ${money(summary.low)}, high ${money(summary.high)}.`;
  const notes = seriesNotes(series, series.points.some((point) => point.revalued), locale.locale, accountLabel);
  return (
    <figure className="chart history-chart" data-testid="history-chart">
      <div className="history-head">
        <figcaption className="chart-title">Value over time</figcaption>
        <QuotePicker series={series} onQuote={onQuote} />
        <RangeButtons range={range} onRange={onRange} />
      </div>
      {points.length < 2 ? (
        <p className="history-empty">Not enough history in this range yet: a point is recorded with every refresh.</p>
      ) : (
        <TimeLine
          points={points}
          label="Portfolio value"
          description={description}
          format={money}
          locale={locale.locale}
          markers={series.joins.map((join) => ({ at: join.at, text: `${accountLabel(join.accountId)} counted from here` }))}
        />
      )}
      {notes.length > 0 && (
        <ul className="history-notes" data-testid="history-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** Renders again only when the series, the range, the locale or privacy change. */
export const HistoryChart = memo(HistoryCard);
