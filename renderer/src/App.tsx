import { useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { AccountSummary, KrakenBridge, Theme } from '../../ipc/contract.ts';
import { BridgeContext } from './bridge.ts';
import { AppDialogs, type OpenDialog } from './components/AppDialogs.tsx';
import { DemoOffer } from './components/DemoOffer.tsx';
import { MainView } from './components/MainView.tsx';
import { Notices } from './components/Notices.tsx';
import { Onboarding } from './components/Onboarding.tsx';
import { ScopeTabs, scopeTabs } from './components/ScopeTabs.tsx';
import { TitleBar } from './components/TitleBar.tsx';
import { UpdateNotice } from './components/UpdateNotice.tsx';
import { scopeAccount } from './model/scope-series.ts';
import type { NumberLocale } from '../../shared/number-locale.ts';
import { useAccountScope } from './hooks/use-account-scope.ts';
import { useAppData } from './hooks/use-app-data.ts';
import { useDismissibleTooltips } from './hooks/use-dismissible-tooltips.ts';
import { useNumberLocale } from './hooks/use-number-locale.ts';
import { useShortcuts } from './hooks/use-shortcuts.ts';
import { useQuoteThreshold, type QuoteThreshold } from './hooks/use-quote-threshold.ts';
import { useUpdate } from './hooks/use-update.ts';

/**
 * Puts the theme on <html>. A layout effect of a component ahead of the view, so the theme is in place
 * before the view's own layout effects first measure the page (the balances list does): the first layout
 * is then the only one, instead of a second style pass over the whole page for the new colour scheme.
 */
function DocumentTheme({ theme }: { theme: Theme }): null {
  useLayoutEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return null;
}

type AppDataState = ReturnType<typeof useAppData>[0];

interface AppContentProps {
  data: AppDataState;
  /** null until main's first answer (the loading view shows no number). */
  locale: NumberLocale | null;
  scope: string;
  panelId: string;
  quoteThreshold: QuoteThreshold;
  searchRef: RefObject<HTMLInputElement | null>;
  onUpdateKey: (accountId: string) => void;
}

/** What the window shows below its notices: why it cannot start, loading, onboarding, or the balances. */
function AppContent({ data, locale, scope, panelId, quoteThreshold, searchRef, onUpdateKey }: AppContentProps): ReactNode {
  const { info, settings, accounts } = data;
  if (data.loadError && accounts === null) {
    return (
      <div className="error-notice" role="alert">
        <p className="error-message">{data.loadError.message}</p>
        {data.loadError.hint && <p className="error-hint">{data.loadError.hint}</p>}
      </div>
    );
  }
  if (accounts === null || settings === null || locale === null) {
    return (
      <p className="loading" aria-live="polite">
        Loading…
      </p>
    );
  }
  if (accounts.length === 0) return <Onboarding info={info} />;
  return (
    <MainView
      accounts={accounts}
      balances={data.balances}
      balancesError={data.balancesError}
      settings={settings}
      locale={locale}
      scope={scope}
      panelId={panelId}
      onUpdateSettings={quoteThreshold.updateSettings}
      thresholdChange={quoteThreshold.thresholdChange}
      onDismissThresholdChange={quoteThreshold.dismissThresholdChange}
      searchRef={searchRef}
      onUpdateKey={onUpdateKey}
    />
  );
}

export function App({ bridge }: { bridge: KrakenBridge }): ReactNode {
  const [data, actions] = useAppData(bridge);
  const { info, settings, accounts } = data;
  const locale = useNumberLocale(info?.numberLocale ?? null, accounts !== null);
  const update = useUpdate(bridge);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // Set when a real key has just been added beside the demo account.
  const [offerDemoRemoval, setOfferDemoRemoval] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const list = accounts ?? [];
  const [scope, setScope] = useAccountScope(list);
  const demo = list.find((account) => account.demo);
  const openUpdateKey = useCallback((accountId: string) => setDialog({ updateKey: accountId }), []);
  const quoteThreshold = useQuoteThreshold(settings, data.balances, actions.updateSettings);
  const privacy = settings?.privacyMode ?? false;
  const togglePrivacy = () => void actions.updateSettings({ privacyMode: !privacy });
  const onAccountAdded = (account: AccountSummary) => {
    setScope(account.id);
    setDialog(null);
    setOfferDemoRemoval(!account.demo && demo !== undefined);
  };
  useDismissibleTooltips();
  const showsBalances = list.length > 0 && settings !== null;
  useShortcuts({
    togglePrivacy,
    refresh: () => void bridge.balances.refresh(scopeAccount(scope)),
    focusSearch: () => searchRef.current?.focus(),
    openSettings: () => {
      if (settings !== null) setDialog('settings');
    },
    openShortcuts: () => setDialog('shortcuts'),
    selectTab: (index) => {
      const tab = scopeTabs(list)[index];
      if (tab !== undefined) setScope(tab.id);
    },
  });

  return (
    <BridgeContext value={bridge}>
      <DocumentTheme theme={settings?.theme ?? 'system'} />
      <div className="shell">
        <TitleBar
          version={info?.version ?? null}
          privacy={privacy}
          showControls={showsBalances}
          onTogglePrivacy={togglePrivacy}
          onOpenSettings={() => setDialog('settings')}
          onOpenShortcuts={() => setDialog('shortcuts')}
        >
          {showsBalances && <ScopeTabs accounts={list} scope={scope} onScope={setScope} panelId={panelId} />}
        </TitleBar>
        <Notices info={info} />
        {offerDemoRemoval && demo !== undefined && <DemoOffer demo={demo} onClose={() => setOfferDemoRemoval(false)} />}
        <UpdateNotice update={update} bridge={bridge} />
        <AppContent data={data} locale={locale} scope={scope} panelId={panelId} quoteThreshold={quoteThreshold} searchRef={searchRef} onUpdateKey={openUpdateKey} />
        <AppDialogs dialog={dialog} setDialog={setDialog} info={info} settings={settings} accounts={list} locale={locale} selfUpdating={update.status !== 'unavailable'}
          onUpdateSettings={quoteThreshold.updateSettings} thresholdChange={quoteThreshold.thresholdChange} onAccountAdded={onAccountAdded} />
      </div>
    </BridgeContext>
  );
}
