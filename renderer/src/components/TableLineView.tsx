import { memo, type CSSProperties, type ReactNode } from 'react';
import { sameLine, type TableLine } from '../model/row-view.ts';
import { countRowRender } from '../render-probe.ts';

interface TableLineViewProps {
  line: TableLine;
  /** 1-based, counting the header row, as aria-rowindex wants. */
  rowIndex: number;
  tabbable: boolean;
  /** Absolute placement when the list is virtualized. */
  style?: CSSProperties | undefined;
  onCopyAmount: (line: TableLine) => void;
  /** Opens the line's amount and value over time. */
  onOpenHistory: (line: TableLine) => void;
}

/** "History of all ETH" for a group, "History of ETH (ETH2.S)" for one of its balances. */
function historyLabel(line: TableLine): string {
  if (line.kind === 'group') return `History of all ${line.name}`;
  return `History of ${line.name}${line.code ? ` (${line.code})` : ''}`;
}

function LineView({ line, rowIndex, tabbable, style, onCopyAmount, onOpenHistory }: TableLineViewProps): ReactNode {
  countRowRender();
  const classes = ['line', `line-${line.kind}`, line.nested ? 'line-nested' : '', line.readOnly ? 'line-read-only' : ''];
  const explanationId = line.explanation ? `explain-${line.key}` : undefined;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-label={line.label}
      aria-describedby={explanationId}
      tabIndex={tabbable ? 0 : -1}
      className={classes.filter(Boolean).join(' ')}
      data-line={line.key}
      style={style}
    >
      <div role="cell" className={`cell cell-name${line.earnText ? ' cell-stacked' : ''}`}>
        <span className="name-line">
          <span className="asset-name" title={line.fullName ?? undefined}>
            {line.name}
          </span>
          {line.badge && (
            <span className="badge-anchor">
              <span className="badge" aria-hidden="true">
                {line.badge}
              </span>
              <span role="tooltip" id={explanationId} className="tip tip-below">
                {line.explanation}
              </span>
            </span>
          )}
          {line.code && <span className="asset-code">{line.code}</span>}
          <button type="button" tabIndex={-1} className="copy-button row-history-button" aria-label={historyLabel(line)} onClick={() => onOpenHistory(line)}>
            History
          </button>
        </span>
        {line.earnText && (
          <span className="sub-line earn-note" data-testid="earn-note" title={line.earnText}>
            {line.earnText}
          </span>
        )}
      </div>
      <div role="cell" className="cell cell-number cell-amount" title={line.amountTitle || undefined} data-exact={line.amountExact || undefined}>
        <span className="amount-stack">
          <span className="amount-text">
            {line.amountWhole}
            <span className="amount-fraction">{line.amountFraction}</span>
          </span>
          {line.fundsText && (
            <span className="sub-line funds-note" data-testid="funds-note">
              {line.fundsText}
            </span>
          )}
        </span>
        {line.amountExact && (
          <button type="button" tabIndex={-1} className="copy-button" aria-label={`Copy the exact amount of ${line.name}`} onClick={() => onCopyAmount(line)}>
            Copy
          </button>
        )}
      </div>
      <div role="cell" className="cell cell-number cell-price" title={line.priceExact || undefined}>
        <span className="price-stack">
          <span className="price-text">{line.priceText}</span>
          {line.changeText && (
            <span className={`sub-line change-pct change-pct-${line.changeTone}`} data-testid="change-24h">
              {line.changeText}
            </span>
          )}
        </span>
      </div>
      <div role="cell" className={`cell cell-number${line.unpriced ? ' unpriced' : ''}`} title={line.unpriced ? 'No price route to the quote currency: not counted in the total.' : line.valueExact || undefined}>
        {line.valueText}
      </div>
      <div role="cell" className="cell cell-number cell-share">
        {line.shareText}
      </div>
    </div>
  );
}

/** A table line re-renders only when a text it shows, its focusability or its placement changes. */
export const TableLineView = memo(
  LineView,
  (a, b) =>
    a.rowIndex === b.rowIndex &&
    a.tabbable === b.tabbable &&
    a.onCopyAmount === b.onCopyAmount &&
    a.onOpenHistory === b.onOpenHistory &&
    a.style?.transform === b.style?.transform &&
    sameLine(a.line, b.line),
);
