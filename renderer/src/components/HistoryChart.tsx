import { memo, type ReactNode } from 'react';
import type { HistoryPoint } from '../../../ipc/contract.ts';
import { historyPolyline, summarizeHistory } from '../charts/history-line.ts';
import { MASK, moneyText, type QuoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { shortDateTime } from '../../../shared/time.ts';

const WIDTH = 320;
const HEIGHT = 90;

interface HistoryChartProps {
  points: readonly HistoryPoint[];
  locale: NumberLocale;
  quote: QuoteFormat;
  privacy: boolean;
}

/** The total over time, once there are two points to draw; min, max and both ends are written out. */
function HistoryLineChart({ points, locale, quote, privacy }: HistoryChartProps): ReactNode {
  const summary = summarizeHistory(points);
  if (summary === null || points.length < 2) return null;
  const money = (value: string) => (privacy ? MASK : moneyText(value, quote, locale));
  const from = shortDateTime(summary.first.at, locale.locale);
  const to = shortDateTime(summary.last.at, locale.locale);
  const description = privacy
    ? `Portfolio value from ${from} to ${to}; amounts hidden.`
    : `Portfolio value from ${from} to ${to}: ${money(summary.first.total)} to ${money(summary.last.total)}, low ${money(summary.low)}, high ${money(summary.high)}.`;
  return (
    <figure className="chart history-chart" data-testid="history-chart">
      <figcaption className="chart-title">Value over time</figcaption>
      <div className="history-body">
        <div className="history-scale" aria-hidden="true">
          <span>{money(summary.high)}</span>
          <span>{money(summary.low)}</span>
        </div>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="history-svg" role="img" aria-label={description}>
          <polyline points={historyPolyline(points, WIDTH, HEIGHT)} className="history-line" vectorEffect="non-scaling-stroke" />
        </svg>
      </div>
      <div className="history-axis" aria-hidden="true">
        <span>{from}</span>
        <span>{to}</span>
      </div>
    </figure>
  );
}

/** Renders again only when the series, the locale, the quote or privacy change. */
export const HistoryChart = memo(HistoryLineChart);
