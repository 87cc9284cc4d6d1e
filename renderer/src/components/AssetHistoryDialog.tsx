import { useState, type ReactNode } from 'react';
import type { HistoryRange } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';
import { amountText, MASK, moneyText, quoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { useAssetHistory } from '../hooks/use-history.ts';
import { Dialog } from './Dialog.tsx';
import { QuotePicker, RangeButtons, seriesNotes } from './HistoryChart.tsx';
import { TimeLine } from './TimeLine.tsx';

/** What the per-asset view shows: a table line's name and the Kraken codes behind it. */
export interface AssetHistoryTarget {
  readonly name: string;
  readonly unit: string;
  readonly codes: readonly string[];
}

interface AssetHistoryDialogProps {
  target: AssetHistoryTarget;
  accountId: string | undefined;
  /** Changes when a refresh lands, so the view follows it. */
  version: string;
  locale: NumberLocale;
  privacy: boolean;
  accountLabel: (id: string) => string;
  onClose: () => void;
}

/** One asset's amount and value over time, opened from its table line. */
export function AssetHistoryDialog({ target, accountId, version, locale, privacy, accountLabel, onClose }: AssetHistoryDialogProps): ReactNode {
  const bridge = useBridge();
  const [range, setRange] = useState<HistoryRange>('all');
  const [quotePick, setQuotePick] = useState<string | undefined>(undefined);
  const request = { ...(accountId === undefined ? {} : { accountId }), range, assets: [...target.codes], ...(quotePick === undefined ? {} : { quote: quotePick }) };
  const series = useAssetHistory(bridge, request, version);
  const amounts = (series?.points ?? []).map((point) => ({ at: point.at, value: point.amount }));
  const values = (series?.points ?? []).flatMap((point) => (point.value === null ? [] : [{ at: point.at, value: point.value }]));
  const quote = quoteFormat(series?.quote ?? 'USD', locale);
  const amount = (value: string) => (privacy ? MASK : `${amountText(value, locale)} ${target.unit}`);
  const money = (value: string) => (privacy ? MASK : moneyText(value, quote, locale));
  const unvalued = (series?.points.length ?? 0) - values.length;
  const notes = series === null ? [] : seriesNotes(series, series.points.some((point) => point.revalued), locale.locale, accountLabel);
  if (unvalued > 0) notes.push(`${unvalued} point${unvalued === 1 ? ' has' : 's have'} no value: no price was recorded then.`);
  return (
    <Dialog title={`History of ${target.name}`} onClose={onClose} className="asset-history">
      <div className="history-head">
        <span className="chart-title">{target.codes.length > 1 ? `All ${target.codes.length} balances: ${target.codes.join(', ')}` : target.codes[0]}</span>
        {series !== null && <QuotePicker series={series} onQuote={setQuotePick} />}
        <RangeButtons range={range} onRange={setRange} />
      </div>
      {series === null ? (
        <p className="history-empty">Loading…</p>
      ) : amounts.length < 2 ? (
        <p className="history-empty">Not enough history in this range yet: a point is recorded with every refresh.</p>
      ) : (
        <>
          <h3>Amount</h3>
          <TimeLine points={amounts} label={`${target.name} amount`} description={`${target.name} amount over time`} format={amount} locale={locale.locale} testId="asset-amount-line" />
          <h3>Value in {series.quote}</h3>
          {values.length < 2 ? (
            <p className="history-empty">No values to draw: no prices were recorded for this asset in this range.</p>
          ) : (
            <TimeLine points={values} label={`${target.name} value`} description={`${target.name} value in ${series.quote} over time`} format={money} locale={locale.locale} testId="asset-value-line" />
          )}
        </>
      )}
      {notes.length > 0 && (
        <ul className="history-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
