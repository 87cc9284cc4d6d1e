import type { ReactNode } from 'react';
import type { HelpTopic, IpcError, RefreshStatus } from '../../../ipc/contract.ts';
import { MASK, moneyText, type QuoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { clockTime } from '../../../shared/time.ts';
import type { ScopeBalances } from '../../../shared/combine.ts';
import type { PeriodChange } from '../model/period-change.ts';
import { EarnSummaryLine, PeriodChanges } from './PeriodChanges.tsx';
import { RefreshClock } from './RefreshClock.tsx';

interface PortfolioHeaderProps {
  scope: ScopeBalances;
  /** The total's change over 24 h, 7 d, 30 d and 1 y (model/period-change.ts). */
  changes: readonly PeriodChange[];
  title: string;
  locale: NumberLocale;
  quote: QuoteFormat;
  privacy: boolean;
  /** Shown above per-account errors when balances could not be read at all. */
  loadError: IpcError | null;
  onRefresh: () => void;
  onHelp: (topic: HelpTopic) => void;
  chartsShown: boolean;
  onToggleCharts: () => void;
  /** Removes a demo account whose sample money this total leaves out. */
  onRemoveDemo: (id: string) => void;
  /** Filters the table to the balances the total leaves out for want of a price. */
  onShowUnpriced: () => void;
}

/** How many unpriced codes the note names before it says "and N more". */
export const UNPRICED_NAMED = 5;

/** The balances left out of the total, named up to a few, with the way to see them all in the table. */
function UnpricedNote({ unpriced, quote, onShow }: { unpriced: readonly string[]; quote: string; onShow: () => void }): ReactNode {
  if (unpriced.length === 0) return null;
  const named = unpriced.slice(0, UNPRICED_NAMED).join(', ');
  const more = unpriced.length - UNPRICED_NAMED;
  return (
    <p className="unpriced-note" data-testid="unpriced-note">
      Not in the total (no price in {quote}): {named}
      {more > 0 ? ' ' : ' · '}
      <button type="button" className="link-button" onClick={onShow}>
        {more > 0 ? `and ${more} more` : 'show them'}
      </button>
    </p>
  );
}

const STATUS_TEXT: Readonly<Record<RefreshStatus, string>> = {
  fresh: 'Up to date',
  refreshing: 'Refreshing…',
  stale: 'Stale',
  error: 'Refresh failed',
  idle: 'Waiting for the first refresh',
};

function ErrorNotice({ error, label, onHelp }: { error: IpcError; label: string | null; onHelp: (topic: HelpTopic) => void }): ReactNode {
  return (
    <div className="error-notice" role="alert">
      <p className="error-message">
        {label && <strong>{label}: </strong>}
        {error.message}
      </p>
      {error.hint && <p className="error-hint">{error.hint}</p>}
      {error.code === 'invalid-nonce' && (
        <button type="button" className="link-button" onClick={() => onHelp('nonce-window')}>
          What is a nonce window?
        </button>
      )}
    </div>
  );
}

/** Total, change, freshness and the refresh control for the scope on screen, in one compact card. */
export function PortfolioHeader(props: PortfolioHeaderProps): ReactNode {
  const { scope, changes, title, locale, quote, privacy, loadError, onRefresh, onHelp, chartsShown, onToggleCharts, onRemoveDemo, onShowUnpriced } = props;
  const refreshing = scope.status === 'refreshing';
  // Old numbers stay marked while a retry runs: the marker goes only when a refresh has succeeded.
  const showsOldData = scope.hasData && (scope.status === 'error' || scope.status === 'stale' || scope.errors.length > 0);
  return (
    <section className="portfolio-header" aria-labelledby="portfolio-title">
      <div className="header-grid">
        <div className="total-block">
          <h2 id="portfolio-title" className="scope-title">
            {title}
          </h2>
          <p className="total" data-testid="portfolio-total" aria-label={`Total ${privacy ? 'hidden' : moneyText(scope.total, quote, locale)}`}>
            {privacy ? MASK : moneyText(scope.total, quote, locale)}
          </p>
          <PeriodChanges changes={changes} locale={locale} quote={quote} privacy={privacy} />
          <EarnSummaryLine earn={scope.earn} locale={locale} quote={quote} privacy={privacy} />
          {scope.leftOut.map((demo) => (
            <p key={demo.id} className="unpriced-note" data-testid="demo-left-out">
              Not counting “{demo.label}”: its sample balances are not real money.{' '}
              <button type="button" className="link-button" onClick={() => onRemoveDemo(demo.id)}>
                Remove it
              </button>
            </p>
          ))}
          <UnpricedNote unpriced={scope.unpriced} quote={quote.quote} onShow={onShowUnpriced} />
        </div>
        <div className="status-block">
          <div className="status-line">
            <span className={`status-pill status-${scope.status}`} data-testid="refresh-status" role="status">
              {STATUS_TEXT[scope.status]}
            </span>
            <button type="button" className="button button-quiet" aria-expanded={chartsShown} onClick={onToggleCharts} title={chartsShown ? 'Hide the charts' : 'Show the charts'}>
              Charts
              <span aria-hidden="true">{chartsShown ? ' ▴' : ' ▾'}</span>
            </button>
            <button type="button" className="button" onClick={onRefresh} disabled={refreshing} title="Refresh now (R)">
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </button>
          </div>
          <RefreshClock fetchedAt={scope.fetchedAt} nextRefreshAt={scope.nextRefreshAt} refreshing={refreshing} locale={locale.locale} />
          {showsOldData && scope.fetchedAt !== null && (
            <p className="stale-note" data-testid="stale-note">
              Showing the last balances received, from {clockTime(scope.fetchedAt, locale.locale)}.
            </p>
          )}
        </div>
      </div>
      {(loadError !== null || scope.errors.length > 0) && (
        <div className="problems">
          {loadError && <ErrorNotice error={loadError} label={null} onHelp={onHelp} />}
          {scope.errors.map((entry) => (
            <ErrorNotice key={entry.accountId} error={entry.error} label={scope.errors.length > 1 || title !== entry.label ? entry.label : null} onHelp={onHelp} />
          ))}
        </div>
      )}
    </section>
  );
}
