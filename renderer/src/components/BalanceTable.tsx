import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type CSSProperties, type FocusEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { copyText, exactAmountForSelection } from '../copy-text.ts';
import type { SortKey, SortOrder } from '../model/balance-view.ts';
import { cachedLineFor, type LineContext, type TableEntry, type TableLine } from '../model/row-view.ts';
import { TableLineView } from './TableLineView.tsx';

/** Below this many lines every line is in the DOM (screen readers and find see all); above, only the visible ones. */
export const VIRTUALIZE_AFTER = 150;
const LINE_HEIGHT = 40;

const COLUMNS: readonly { key: SortKey; title: string; sortsBy: string; numeric: boolean }[] = [
  { key: 'name', title: 'Asset', sortsBy: 'asset', numeric: false },
  { key: 'amount', title: 'Amount', sortsBy: 'amount', numeric: true },
  // The price column sorts by what differs meaningfully between assets: the 24 h change.
  { key: 'change', title: 'Price · 24 h', sortsBy: '24 h change', numeric: true },
  { key: 'value', title: 'Value', sortsBy: 'value', numeric: true },
  { key: 'share', title: 'Share', sortsBy: 'share', numeric: true },
];

interface BalanceTableProps {
  entries: readonly TableEntry[];
  /** Locale, quote currency and privacy: how each line's texts are formatted. */
  context: LineContext;
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  /** Names the table for screen readers, e.g. "Balances of Main account in USD". */
  label: string;
  /** Marks the numbers as not current (an error or a missed refresh). */
  stale: boolean;
  /** The most digits any amount shows after its decimal separator: every fraction gets that width. */
  fractionDigits: number;
  /** Opens a line's amount and value over time (its History button, or Enter on the line). */
  onOpenHistory: (line: TableLine) => void;
}

/** How long "Copied …" stays on screen. */
const COPIED_FOR_MS = 2500;

/** The line a navigation key moves to from `from` (a page is `page` lines), or undefined for other keys. */
function navigationTarget(key: string, from: number, page: number, count: number): number | undefined {
  const targets: Record<string, number> = {
    ArrowDown: from + 1,
    ArrowUp: from - 1,
    PageDown: from + page,
    PageUp: from - page,
    Home: 0,
    End: count - 1,
  };
  return targets[key];
}

/** Copying a selected amount copies its exact figure rather than the rounded text on screen. */
function copyExactSelection(event: ClipboardEvent<HTMLDivElement>): void {
  const exact = exactAmountForSelection(window.getSelection());
  if (exact === null) return;
  event.clipboardData.setData('text/plain', exact);
  event.preventDefault();
}

/** "Copied …" for a line's exact amount: a status that is seen as well as heard, then goes by itself. */
function useCopyAmount(): [announcement: string, copyAmount: (line: TableLine) => void] {
  const [announcement, setAnnouncement] = useState('');
  const copyAmount = useCallback((line: TableLine) => {
    if (!line.amountExact) return;
    const copied = copyText(line.amountExact);
    setAnnouncement(copied ? `Copied ${line.amountExact} ${line.unit}` : 'Copying did not work.');
  }, []);
  useEffect(() => {
    if (announcement === '') return undefined;
    const timer = setTimeout(() => setAnnouncement(''), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [announcement]);
  return [announcement, copyAmount];
}

/** Only the lines on screen (and a few beyond) are in the DOM when the list is virtualized. */
function useLineVirtualizer(entries: readonly TableEntry[], virtual: boolean, scrollRef: RefObject<HTMLDivElement | null>) {
  const overscan = useOverscanAfterFirstFrame();
  // The virtualizer lays out every line again (thousands) whenever this function is a new one: kept the
  // same while the entries are, so a render for focus, the copy status or measuring reuses the layout.
  const itemKey = useCallback((index: number) => entries[index]?.key ?? index, [entries]);

  // The app has no React Compiler; memoisation here is by hand (TableLineView), so its skip warning is moot.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer({
    count: virtual ? entries.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan,
    // The list's height is unknown until the page is laid out: the first commit holds no line, and the
    // virtualizer, measuring the list in its layout effect (a layout the frame needs anyway), renders the
    // lines that fit before anything is painted. Guessing larger would create lines only to remove them.
    initialRect: { width: 0, height: 0 },
    getItemKey: itemKey,
  });
}

/**
 * Lines kept beyond the list's edges (overscan) make fast scrolling seamless, but none of them is seen in the
 * first frame: they join just after it, so the balances on screen are drawn without waiting for them.
 */
function useOverscanAfterFirstFrame(): number {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs just before a frame is drawn; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawn(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return drawn ? 8 : 0;
}

/** Marks the first commit that puts balance lines in the DOM (read by bench/render-rows.ts). */
function useRowsRenderedMark(scrollRef: RefObject<HTMLDivElement | null>): void {
  const markedRef = useRef(false);
  useLayoutEffect(() => {
    if (markedRef.current || scrollRef.current?.querySelector('[data-line]') == null) return;
    markedRef.current = true;
    performance.mark('kraken:rows-rendered');
  });
}

/**
 * The line keyboard focus should move to, set by the caller; in a virtualized list that line may only exist
 * a render or two later, so each commit tries again until it does.
 */
function usePendingFocus(scrollRef: RefObject<HTMLDivElement | null>): RefObject<number | null> {
  const pendingFocusRef = useRef<number | null>(null);
  useEffect(() => {
    const pending = pendingFocusRef.current;
    const body = scrollRef.current;
    if (pending === null || body === null) return;
    // Never pull focus back once the user has moved it elsewhere.
    if (document.activeElement !== document.body && !body.contains(document.activeElement)) {
      pendingFocusRef.current = null;
      return;
    }
    const target = body.querySelector<HTMLElement>(`[aria-rowindex="${pending + 2}"]`);
    if (target === null) return;
    pendingFocusRef.current = null;
    target.focus();
  });
  return pendingFocusRef;
}

/** The column headers, each a button that sorts by its column. */
function TableHead({ sort, onSort }: { sort: SortOrder; onSort: (key: SortKey) => void }): ReactNode {
  return (
    <div role="rowgroup" className="table-head">
      <div role="row" aria-rowindex={1} className="line line-head">
        {COLUMNS.map((column) => {
          const active = sort.key === column.key;
          return (
            <div
              key={column.key}
              role="columnheader"
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={`cell${column.numeric ? ' cell-number' : ''}`}
            >
              <button type="button" className="sort-button" onClick={() => onSort(column.key)} title={`Sort by ${column.sortsBy}`}>
                {column.title}
                <span className="sort-mark" aria-hidden="true">
                  {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function BalanceTableView({ entries, context, sort, onSort, label, stale, fractionDigits, onOpenHistory }: BalanceTableProps): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  const [focusIndex, setFocusIndex] = useState(0);
  const virtual = entries.length > VIRTUALIZE_AFTER;
  const activeIndex = Math.min(focusIndex, Math.max(0, entries.length - 1));
  const lineAt = (index: number): TableLine | undefined => {
    const entry = entries[index];
    return entry === undefined ? undefined : cachedLineFor(entry, context);
  };

  const virtualizer = useLineVirtualizer(entries, virtual, scrollRef);
  const [announcement, copyAmount] = useCopyAmount();
  useRowsRenderedMark(scrollRef);
  const pendingFocusRef = usePendingFocus(scrollRef);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const line = lineAt(activeIndex);
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && line && window.getSelection()?.isCollapsed !== false) {
      event.preventDefault();
      copyAmount(line);
      return;
    }
    if (event.key === 'Enter' && line && event.target instanceof HTMLElement && event.target.getAttribute('role') === 'row') {
      event.preventDefault();
      onOpenHistory(line);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? LINE_HEIGHT * 10) / LINE_HEIGHT) - 1);
    const target = navigationTarget(event.key, activeIndex, page, entries.length);
    if (target === undefined || entries.length === 0) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(entries.length - 1, target));
    pendingFocusRef.current = next;
    if (virtual) virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusIndex(next);
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = Number(event.target.getAttribute('aria-rowindex')) - 2;
    if (index >= 0 && index !== activeIndex) setFocusIndex(index);
  };

  const renderLine = (index: number, style?: CSSProperties) => {
    const line = lineAt(index);
    if (line === undefined) return null;
    return <TableLineView key={line.key} line={line} rowIndex={index + 2} tabbable={index === activeIndex} style={style} onCopyAmount={copyAmount} onOpenHistory={onOpenHistory} />;
  };

  return (
    <div
      role="table"
      aria-label={label}
      aria-describedby={helpId}
      aria-rowcount={entries.length + 1}
      className={`balance-table${stale ? ' is-stale' : ''}`}
      style={{ '--fraction-digits': fractionDigits } as CSSProperties}
    >
      <p id={helpId} className="visually-hidden">
        Arrow keys move between balances. Enter shows the focused balance's history. Ctrl+C copies its exact amount.
      </p>
      <TableHead sort={sort} onSort={onSort} />
      <div role="rowgroup" ref={scrollRef} className="table-body" onKeyDown={onKeyDown} onFocus={onFocus} onCopy={copyExactSelection}>
        {virtual ? (
          <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => renderLine(item.index, { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }))}
          </div>
        ) : (
          entries.map((_, index) => renderLine(index))
        )}
      </div>
      <div className={announcement === '' ? 'copy-toast copy-toast-idle' : 'copy-toast'} role="status" data-testid="copy-toast">
        {announcement}
      </div>
    </div>
  );
}

/** Renders again only when its own props change, not with every render of the view around it. */
export const BalanceTable = memo(BalanceTableView);
