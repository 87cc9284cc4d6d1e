import type { ReactNode } from 'react';
import type { HelpTopic, IpcError, RefreshStatus } from '../../../ipc/contract.ts';
import { MASK, moneyText, type QuoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { clockTime, shortDateTime } from '../../../shared/time.ts';
import { updateModeText } from '../../../shared/update-mode.ts';
import type { ScopeBalances } from '../../../shared/combine.ts';
import { useNow } from '../hooks/use-now.ts';
import type { PeriodChange } from '../model/period-change.ts';
import { EarnSummaryLine, PeriodChanges } from './PeriodChanges.tsx';
import { ProblemNotice, RetryTime } from './ProblemNotice.tsx';
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
  /** Opens "Update key" for an account whose saved key is the problem. */
  onUpdateKey?: (accountId: string) => void;
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

/** Refresh, disabled with the reason while Kraken has every account in scope waiting (a lockout). */
function RefreshButton({ refreshing, blockedUntil, locale, onRefresh }: { refreshing: boolean; blockedUntil: string | null; locale: string; onRefresh: () => void }): ReactNode {
  const now = useNow();
  const blocked = blockedUntil !== null && Date.parse(blockedUntil) > now;
  return (
    <>
      <button type="button" className="button" onClick={onRefresh} disabled={refreshing || blocked} title="Refresh now (R)" aria-describedby={blocked ? 'refresh-blocked' : undefined}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      {blocked && (
        <p id="refresh-blocked" className="blocked-note" data-testid="refresh-blocked">
          Refresh is paused <RetryTime at={blockedUntil} locale={locale} />: Kraken will not answer sooner.
        </p>
      )}
    </>
  );
}

/** When the balances on screen were current: the time, and the day too when it was not today. */
function sinceText(iso: string, locale: string): string {
  return new Date(iso).toDateString() === new Date().toDateString() ? clockTime(iso, locale) : shortDateTime(iso, locale);
}

/** Why the numbers on screen may not be current, or nothing when they are. */
function StaleNote({ scope, locale }: { scope: ScopeBalances; locale: string }): ReactNode {
  if (!scope.hasData || !scope.stale || scope.fetchedAt === null) return null;
  const since = sinceText(scope.fetchedAt, locale);
  const text = !scope.fromHistory
    ? `Showing the last balances received, from ${since}.`
    : scope.status === 'refreshing' || scope.status === 'idle'
      ? `From ${since}, refreshing…`
      : `From ${since}: the last balances this app saw. Kraken has not answered since.`;
  return (
    <p className="stale-note" data-testid="stale-note">
      {text}
    </p>
  );
}

/** "Live" while Kraken's streams push this scope's changes, else the polling pace ("Every 60 s"). */
function UpdateMode({ scope }: { scope: ScopeBalances }): ReactNode {
  const { live } = scope.updates;
  const title = live
    ? 'Kraken pushes changes as they happen; a full refresh also runs every five minutes'
    : 'Balances refresh on the interval set in Settings';
  return (
    <span className={`update-mode ${live ? 'update-live' : 'update-polling'}`} data-testid="update-mode" title={title}>
      {live && <span className="live-dot" aria-hidden="true" />}
      {updateModeText(scope.updates)}
    </span>
  );
}

/** Total, change, freshness and the refresh control for the scope on screen, in one compact card. */
export function PortfolioHeader(props: PortfolioHeaderProps): ReactNode {
  const { scope, changes, title, locale, quote, privacy, loadError, onRefresh, onHelp, chartsShown, onToggleCharts, onRemoveDemo, onShowUnpriced, onUpdateKey } = props;
  const refreshing = scope.status === 'refreshing';
  const passing = scope.errors.length > 0 && scope.errors.every((entry) => entry.error.kind === 'transient');
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
            <span className={`status-pill status-${scope.status}${passing ? ' status-passing' : ''}`} data-testid="refresh-status" role="status">
              {scope.status === 'error' && passing ? 'Temporary problem' : STATUS_TEXT[scope.status]}
            </span>
            <UpdateMode scope={scope} />
            <button type="button" className="button button-quiet" aria-expanded={chartsShown} onClick={onToggleCharts} title={chartsShown ? 'Hide the charts' : 'Show the charts'}>
              Charts
              <span aria-hidden="true">{chartsShown ? ' ▴' : ' ▾'}</span>
            </button>
            <RefreshButton refreshing={refreshing} blockedUntil={scope.blockedUntil} locale={locale.locale} onRefresh={onRefresh} />
          </div>
          <RefreshClock fetchedAt={scope.fetchedAt} nextRefreshAt={scope.nextRefreshAt} refreshing={refreshing} locale={locale.locale} />
          {/* Beside the clock rather than under the changes: the header stays low enough for six rows at 720×520. */}
          <EarnSummaryLine earn={scope.earn} locale={locale} quote={quote} privacy={privacy} />
          <StaleNote scope={scope} locale={locale.locale} />
          {scope.updates.notes.map((entry) => (
            <p key={entry.accountId} className="update-note" data-testid="update-note">
              {(scope.updates.notes.length > 1 || title !== entry.label) && <strong>{entry.label}: </strong>}
              {entry.note}
            </p>
          ))}
        </div>
      </div>
      {(loadError !== null || scope.errors.length > 0) && (
        <div className="problems">
          {loadError && <ProblemNotice error={loadError} label={null} locale={locale.locale} onHelp={onHelp} />}
          {scope.errors.map((entry) => (
            <ProblemNotice
              key={entry.accountId}
              error={entry.error}
              label={scope.errors.length > 1 || title !== entry.label ? entry.label : null}
              locale={locale.locale}
              onHelp={onHelp}
              onUpdateKey={onUpdateKey && (() => onUpdateKey(entry.accountId))}
            />
          ))}
        </div>
      )}
    </section>
  );
}
