import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IpcResult, KrakenBridge, Settings, Theme } from '../../ipc/contract.ts';
import { BridgeContext } from './bridge.ts';
import { AddAccountDialog } from './components/AddAccountDialog.tsx';
import { DemoOffer } from './components/DemoOffer.tsx';
import { MainView } from './components/MainView.tsx';
import { Notices } from './components/Notices.tsx';
import { Onboarding } from './components/Onboarding.tsx';
import { ALL_ACCOUNTS, ScopeTabs, scopeTabs } from './components/ScopeTabs.tsx';
import { SettingsDialog } from './components/SettingsDialog.tsx';
import { ShortcutsDialog } from './components/ShortcutsDialog.tsx';
import { TitleBar } from './components/TitleBar.tsx';
import { UpdateKeyDialog } from './components/UpdateKeyDialog.tsx';
import { UpdateNotice } from './components/UpdateNotice.tsx';
import { readNumberLocale } from '../../shared/number-locale.ts';
import { useAppData } from './hooks/use-app-data.ts';
import { useDismissibleTooltips } from './hooks/use-dismissible-tooltips.ts';
import { useShortcuts } from './hooks/use-shortcuts.ts';
import { thresholdForQuote, type ThresholdChange } from './model/threshold.ts';
import { useUpdate } from './hooks/use-update.ts';

/** The one dialog open; "Update key" names its account. */
type OpenDialog = 'settings' | 'add-account' | 'shortcuts' | { updateKey: string } | null;

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

export function App({ bridge }: { bridge: KrakenBridge }): ReactNode {
  const [data, actions] = useAppData(bridge);
  const { info, settings, accounts } = data;
  // Main reads the OS locale and formats the tray and notifications with it; the window uses the same one.
  const localeTag = info?.locale ?? navigator.language;
  const locale = useMemo(() => readNumberLocale(localeTag), [localeTag]);
  const update = useUpdate(bridge);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [chosenScope, setScope] = useState<string | null>(null);
  // Set when a real key has just been added beside the demo account.
  const [offerDemoRemoval, setOfferDemoRemoval] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const panelId = useId();

  const list = accounts ?? [];
  const defaultScope = list.length > 1 ? ALL_ACCOUNTS : (list[0]?.id ?? ALL_ACCOUNTS);
  const scopeExists = chosenScope !== null && (chosenScope === ALL_ACCOUNTS ? list.length > 1 : list.some((account) => account.id === chosenScope));
  const scope = scopeExists ? chosenScope : defaultScope;

  const demo = list.find((account) => account.demo);
  const updateKeyFor = dialog !== null && typeof dialog === 'object' ? list.find((account) => account.id === dialog.updateKey) : undefined;
  const openUpdateKey = useCallback((accountId: string) => setDialog({ updateKey: accountId }), []);
  // What a quote change did to "Hide balances under", until the user sets it again.
  const [thresholdChange, setThresholdChange] = useState<ThresholdChange | null>(null);
  const updateSettings = (patch: Partial<Settings>): Promise<IpcResult<Settings>> => {
    if (settings !== null && patch.quoteCurrency !== undefined && patch.hideSmallBelow === undefined) {
      const change = thresholdForQuote(settings.hideSmallBelow, settings.quoteCurrency, patch.quoteCurrency, data.balances);
      if (change.kind !== 'unchanged') {
        setThresholdChange(change);
        return actions.updateSettings({ ...patch, hideSmallBelow: change.kind === 'converted' ? change.value : '0' });
      }
    }
    if (patch.hideSmallBelow !== undefined) setThresholdChange(null);
    return actions.updateSettings(patch);
  };
  const privacy = settings?.privacyMode ?? false;
  const togglePrivacy = () => void actions.updateSettings({ privacyMode: !privacy });
  useDismissibleTooltips();
  const showsBalances = list.length > 0 && settings !== null;
  useShortcuts({
    togglePrivacy,
    refresh: () => void bridge.balances.refresh(scope === ALL_ACCOUNTS ? undefined : scope),
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
        {data.loadError && accounts === null ? (
          <div className="error-notice" role="alert">
            <p className="error-message">{data.loadError.message}</p>
            {data.loadError.hint && <p className="error-hint">{data.loadError.hint}</p>}
          </div>
        ) : accounts === null || settings === null ? (
          <p className="loading" aria-live="polite">
            Loading…
          </p>
        ) : accounts.length === 0 ? (
          <Onboarding info={info} />
        ) : (
          <MainView
            accounts={accounts}
            balances={data.balances}
            balancesError={data.balancesError}
            settings={settings}
            locale={locale}
            scope={scope}
            panelId={panelId}
            onUpdateSettings={updateSettings}
            thresholdChange={thresholdChange}
            onDismissThresholdChange={() => setThresholdChange(null)}
            searchRef={searchRef}
            onUpdateKey={openUpdateKey}
          />
        )}
        {dialog === 'settings' && settings && (
          <SettingsDialog settings={settings} info={info} selfUpdating={update.status !== 'unavailable'} accounts={list} locale={locale} onUpdate={updateSettings} thresholdChange={thresholdChange} onAddAccount={() => setDialog('add-account')} onUpdateKey={openUpdateKey} onClose={() => setDialog(null)} />
        )}
        {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
        {updateKeyFor !== undefined && (
          <UpdateKeyDialog account={updateKeyFor} onUpdated={() => setDialog(null)} onClose={() => setDialog(null)} />
        )}
        {dialog === 'add-account' && (
          <AddAccountDialog
            onAdded={(account) => {
              setScope(account.id);
              setDialog(null);
              setOfferDemoRemoval(!account.demo && demo !== undefined);
            }}
            onClose={() => setDialog(null)}
          />
        )}
      </div>
    </BridgeContext>
  );
}
