import { useId, useState, type ReactNode } from 'react';
import type { AccountSummary, AppInfo, IpcError, IpcResult, QuoteCurrency, Settings, StorageProtection } from '../../../ipc/contract.ts';
import { decimalText } from '../../../shared/decimal-text.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { useDecimalDraft } from '../hooks/use-decimal-draft.ts';
import { thresholdChangeText, type ThresholdChange } from '../model/threshold.ts';
import { AccountsSection } from './AccountsSection.tsx';
import { Dialog } from './Dialog.tsx';
import { capitalizedOptions, CheckboxField, RadioField, SelectField } from './SettingsFields.tsx';
import { WeakConsent } from './WeakConsent.tsx';

const QUOTES: readonly QuoteCurrency[] = ['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'CHF', 'AUD', 'USDT', 'USDC', 'BTC', 'ETH'];

// Main accepts 30 s to 1 h. Each refresh is one private call per key, so even the shortest interval uses a
// sliver of the slowest tier's budget (Starter: 15 calls, one recovered every 3 s).
const INTERVALS: readonly { value: number; label: string }[] = [
  { value: 30, label: 'Every 30 seconds' },
  { value: 60, label: 'Every minute' },
  { value: 120, label: 'Every 2 minutes' },
  { value: 300, label: 'Every 5 minutes' },
  { value: 900, label: 'Every 15 minutes' },
  { value: 1800, label: 'Every 30 minutes' },
  { value: 3600, label: 'Every hour' },
];

function intervalOptions(current: number) {
  if (INTERVALS.some((option) => option.value === current)) return INTERVALS;
  return [...INTERVALS, { value: current, label: `Every ${current} seconds` }].sort((a, b) => a.value - b.value);
}

function protectionText(storage: StorageProtection): string {
  if (storage.level === 'os') return `Protected by your operating system’s keyring (${storage.backend}).`;
  if (storage.level === 'weak') {
    return `Weaker protection: no keyring was found (${storage.backend}), so keys are encrypted with a key built into the app.`;
  }
  return 'Unavailable: this computer cannot encrypt data for the app, so keys cannot be saved.';
}

function DecimalSetting({ label, value, unit, locale, onCommit, help }: { label: string; value: string; unit: string; locale: NumberLocale; onCommit: (value: string) => void; help: string }): ReactNode {
  const { text, setText, invalid, commit } = useDecimalDraft(value, locale, onCommit);
  const id = useId();
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <span className="input-with-unit">
        <input id={id} className="input input-number" inputMode="decimal" placeholder="0" value={text} aria-invalid={invalid} aria-describedby={`${id}-help`} onChange={(event) => setText(event.target.value)} onBlur={commit} />
        <span className="unit">{unit}</span>
      </span>
      <p id={`${id}-help`} className={invalid ? 'field-error' : 'field-help'} role={invalid ? 'alert' : undefined}>
        {invalid ? `Enter a number such as ${decimalText('2.5', locale)}.` : help}
      </p>
    </div>
  );
}

/** What a section of settings edits, and how it saves a change (errors are shown at the dialog's top). */
interface SectionProps {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}

/** What the balances show and how often they refresh. */
function BalanceSettings({ settings, locale, thresholdChange, update }: SectionProps & { locale: NumberLocale; thresholdChange: ThresholdChange | null }): ReactNode {
  return (
    <section className="settings-section" aria-labelledby="settings-balances">
      <h3 id="settings-balances">Balances</h3>
      <SelectField label="Quote currency" value={settings.quoteCurrency} options={QUOTES.map((quote) => ({ value: quote, label: quote }))} onChange={(quoteCurrency) => update({ quoteCurrency })} help="Values, totals and charts are shown in this currency." />
      <SelectField label="Refresh" value={settings.refreshIntervalSec} options={intervalOptions(settings.refreshIntervalSec)} onChange={(refreshIntervalSec) => update({ refreshIntervalSec })} help="Each refresh makes one read-only call per key, well inside Kraken’s rate limit even every 30 seconds." />
      <SelectField
        label="Kraken verification tier"
        value={settings.tier}
        options={capitalizedOptions(['starter', 'intermediate', 'pro'])}
        onChange={(tier) => update({ tier })}
        help="Sets how fast the app may call Kraken, so it stays within your tier’s rate limit."
      />
      <RadioField
        legend="Tokenized stock amounts"
        name="rebase-multiplier"
        value={settings.rebaseMultiplier}
        options={capitalizedOptions(['rebased', 'base'])}
        onChange={(rebaseMultiplier) => update({ rebaseMultiplier })}
        help="For xStocks only: rebased counts shares of the underlying stock, base counts the issuer’s tokens."
      />
      <DecimalSetting label="Hide balances worth less than" value={settings.hideSmallBelow} unit={settings.quoteCurrency} locale={locale} onCommit={(hideSmallBelow) => update({ hideSmallBelow })} help={thresholdChange === null ? 'Unpriced balances are always shown. Leave empty to show everything.' : thresholdChangeText(thresholdChange, locale)} />
    </section>
  );
}

/** Privacy mode and balance-change notifications. */
function PrivacySettings({ settings, info, locale, update }: SectionProps & { info: AppInfo | null; locale: NumberLocale }): ReactNode {
  return (
    <section className="settings-section" aria-labelledby="settings-privacy">
      <h3 id="settings-privacy">Privacy and alerts</h3>
      <CheckboxField label="Hide amounts (privacy mode)" checked={settings.privacyMode} onChange={(privacyMode) => update({ privacyMode })} help="Shortcut: P, or Ctrl+Shift+P (⌘⇧P on macOS). Also in the tray menu." />
      <CheckboxField label="Notify me when a balance changes" help="For example when a deposit arrives. Amounts only: price moves do not count." checked={settings.notifyOnChange} onChange={(notifyOnChange) => update({ notifyOnChange })} />
      {info?.notificationFailure && (
        <p className="field-help notice-warning" role="status" data-testid="notifications-unavailable">
          This system does not show the app’s notifications ({info.notificationFailure.reason}). Balance changes appear as notices in this window instead.
        </p>
      )}
      {settings.notifyOnChange && (
        <DecimalSetting label="Notify when a balance moves by at least" value={settings.notifyThresholdPercent} unit="%" locale={locale} onCommit={(notifyThresholdPercent) => update({ notifyThresholdPercent })} help="Of that balance’s amount at the previous refresh." />
      )}
    </section>
  );
}

/** Theme, start-up, tray and updates. */
function WindowSettings({ settings, selfUpdating, update }: SectionProps & { selfUpdating: boolean }): ReactNode {
  return (
    <section className="settings-section" aria-labelledby="settings-window">
      <h3 id="settings-window">Window and start-up</h3>
      <RadioField
        legend="Theme"
        name="theme"
        value={settings.theme}
        options={capitalizedOptions(['system', 'light', 'dark'])}
        onChange={(theme) => update({ theme })}
      />
      <CheckboxField label="Launch at login" checked={settings.launchAtLogin} onChange={(launchAtLogin) => update({ launchAtLogin })} />
      <CheckboxField label="Start minimized to the tray" checked={settings.startMinimized} onChange={(startMinimized) => update({ startMinimized })} />
      <CheckboxField label="Closing the window keeps the app in the tray" checked={settings.closeToTray} onChange={(closeToTray) => update({ closeToTray })} help="Balances keep refreshing in the background; quit from the tray menu." />
      <CheckboxField
        label="Update automatically"
        checked={settings.autoUpdate}
        onChange={(autoUpdate) => update({ autoUpdate })}
        help={selfUpdating ? 'Checks for a new version every 6 hours, downloads it in the background and offers “Restart to update”.' : 'Installed builds only: this development build never updates itself.'}
      />
    </section>
  );
}

/** Facts about this computer and build the user may need when asking for help. */
function ComputerFacts({ info, locale }: { info: AppInfo | null; locale: NumberLocale }): ReactNode {
  return (
    <section className="settings-section" aria-labelledby="settings-about">
      <h3 id="settings-about">This computer</h3>
      <dl className="facts">
        <dt>Key storage</dt>
        <dd>
          <span data-testid="storage-protection">{info ? protectionText(info.storage) : '…'}</span>
          {info && <WeakConsent consent={info.storage.weakConsent} locale={locale.locale} />}
        </dd>
        <dt>Number format</dt>
        <dd>
          Follows your system ({locale.locale}): {decimalText('1234567.89', locale)}
        </dd>
        <dt>Kraken server</dt>
        <dd data-testid="kraken-server">{info ? info.krakenServer : '…'}</dd>
        <dt>Version</dt>
        <dd>{info ? `${info.name} ${info.version}` : '…'}</dd>
      </dl>
    </section>
  );
}

interface SettingsDialogProps {
  settings: Settings;
  info: AppInfo | null;
  accounts: readonly AccountSummary[];
  locale: NumberLocale;
  onUpdate: (patch: Partial<Settings>) => Promise<IpcResult<Settings>>;
  /** What the last quote change did to "Hide balances under", said under that setting. */
  thresholdChange: ThresholdChange | null;
  onAddAccount: () => void;
  /** Opens "Update key" for a keyed account. */
  onUpdateKey: (accountId: string) => void;
  onClose: () => void;
  /** Whether this build updates itself at all (installed builds; main/update/update-feed.ts). */
  selfUpdating: boolean;
}

export function SettingsDialog({ settings, info, accounts, locale, onUpdate, thresholdChange, onAddAccount, onUpdateKey, onClose, selfUpdating }: SettingsDialogProps): ReactNode {
  const [error, setError] = useState<IpcError | null>(null);
  const update = (patch: Partial<Settings>) => {
    void onUpdate(patch).then((result) => setError(result.ok ? null : result.error));
  };
  return (
    <Dialog title="Settings" onClose={onClose} className="dialog-settings">
      <div className="dialog-body settings-body">
        {error && (
          <div className="error-notice" role="alert">
            <p className="error-message">{error.message}</p>
            {error.hint && <p className="error-hint">{error.hint}</p>}
          </div>
        )}
        <AccountsSection accounts={accounts} locale={locale.locale} onAddAccount={onAddAccount} onUpdateKey={onUpdateKey} />
        <BalanceSettings settings={settings} locale={locale} thresholdChange={thresholdChange} update={update} />
        <PrivacySettings settings={settings} info={info} locale={locale} update={update} />
        <WindowSettings settings={settings} selfUpdating={selfUpdating} update={update} />
        <ComputerFacts info={info} locale={locale} />
      </div>
    </Dialog>
  );
}
