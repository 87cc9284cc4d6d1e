import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { decimalText } from '../../../shared/decimal-text.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { useDecimalDraft } from '../hooks/use-decimal-draft.ts';
import type { KindFilter } from '../model/balance-view.ts';

interface BalanceToolbarProps {
  search: string;
  onSearch: (text: string) => void;
  kind: KindFilter;
  onKind: (kind: KindFilter) => void;
  hideBelow: string;
  onHideBelow: (threshold: string) => void;
  /** Each keystroke's value while typing (null when it is not a number), for the table to follow. */
  onTypeHideBelow: (threshold: string | null) => void;
  quote: string;
  locale: NumberLocale;
  shown: number;
  total: number;
  /** The table shows only the unpriced balances (chosen from the note under the total). */
  unpricedOnly: boolean;
  onShowAll: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Actions at the toolbar's end (Export). */
  children?: ReactNode;
}

const KINDS: readonly { kind: KindFilter; label: string }[] = [
  { kind: 'all', label: 'All' },
  { kind: 'tradable', label: 'Tradable' },
  { kind: 'read-only', label: 'Read-only' },
];

/** Typing pauses this long before the threshold is saved (the table follows every keystroke at once). */
const SAVE_AFTER_MS = 800;

function ThresholdInput({ hideBelow, onHideBelow, onTypeHideBelow, quote, locale }: Pick<BalanceToolbarProps, 'hideBelow' | 'onHideBelow' | 'onTypeHideBelow' | 'quote' | 'locale'>): ReactNode {
  const id = useId();
  const { text, setText, invalid, commit, pending } = useDecimalDraft(hideBelow, locale, onHideBelow, onTypeHideBelow);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  // Saved once the typing pauses (each keystroke starts the wait again), as well as on Enter and blur.
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => commitRef.current(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending, text]);
  return (
    <div className="field-inline">
      {/* The label shortens in a narrow window so the toolbar stays one line; the name stays whole. */}
      <label htmlFor={id}>
        Hide<span className="narrow-hidden"> balances</span> under
      </label>
      <input
        id={id}
        aria-label="Hide balances under"
        className="input input-number"
        inputMode="decimal"
        placeholder="0"
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <span className="unit">{quote}</span>
      {invalid && (
        <span id={`${id}-error`} className="field-error" role="alert">
          Enter an amount such as {decimalText('1.5', locale)}
        </span>
      )}
    </div>
  );
}

/** Search, the tradable/read-only filter and the small-balance threshold above the table. */
export function BalanceToolbar(props: BalanceToolbarProps): ReactNode {
  const { search, onSearch, kind, onKind, shown, total, searchRef, unpricedOnly, onShowAll } = props;
  return (
    <div className="toolbar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="input search-input"
        placeholder="Search ( / )"
        aria-label="Search assets"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onSearch('');
        }}
      />
      <fieldset className="segmented">
        <legend className="visually-hidden">Show balances</legend>
        {KINDS.map((option) => (
          <label key={option.kind} className="segment">
            <input type="radio" name="balance-kind" value={option.kind} checked={kind === option.kind} onChange={() => onKind(option.kind)} />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      <ThresholdInput {...props} />
      {unpricedOnly && (
        <button type="button" className="filter-chip" onClick={onShowAll} aria-label="Unpriced only: show all balances" title="Show all balances">
          Unpriced only <span aria-hidden="true">✕</span>
        </button>
      )}
      <span className="row-count" aria-live="polite">
        {shown === total ? `${total} balances` : `${shown} of ${total} balances`}
      </span>
      {props.children}
    </div>
  );
}
