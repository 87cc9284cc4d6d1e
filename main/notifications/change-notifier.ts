import type { Settings } from '../../ipc/contract.ts';
import type { NumberLocale } from '../../shared/number-locale.ts';
import type { RefreshedEvent, SettingsSource } from '../balances/balances-sources.ts';
import { significantChanges } from './balance-changes.ts';
import { changeNotifications, type NotificationText } from './change-text.ts';

export interface ChangeNotifierOptions {
  readonly settings: SettingsSource;
  /** Amounts from before this run (the latest history snapshot), so a deposit that arrived while the app was closed is noticed. */
  readonly baseline: (accountId: string) => Readonly<Record<string, string>> | null;
  readonly show: (text: NotificationText) => void;
  /** How the OS writes numbers (read once main is ready): notifications write them as the window does. */
  readonly locale: () => NumberLocale;
}

/**
 * Opt-in (settings.notifyOnChange): after each refresh, compares every asset's amount with the refresh
 * before and shows a native notification for each that moved by more than the user's threshold; at
 * most one per asset per refresh, and one summary when many moved at once.
 */
export class ChangeNotifier {
  private readonly options: ChangeNotifierOptions;
  private readonly known = new Map<string, Readonly<Record<string, string>>>();
  private historyIsComparable = true;
  private readonly unsubscribe: () => void;

  constructor(options: ChangeNotifierOptions) {
    this.options = options;
    this.unsubscribe = options.settings.onChange((_settings, changed) => this.settingsChanged(changed));
  }

  consider(event: RefreshedEvent): void {
    const id = event.account.id;
    const after = Object.fromEntries(event.portfolio.rows.map((row) => [row.asset, row.amount]));
    const before = this.known.get(id) ?? (this.historyIsComparable ? this.options.baseline(id) : null);
    this.known.set(id, after);
    const settings = this.options.settings.get();
    if (!settings.notifyOnChange) return;
    const changes = significantChanges(before, after, settings.notifyThresholdPercent);
    for (const text of changeNotifications(event.account.label, changes, event.portfolio.rows, settings.privacyMode, this.options.locale())) this.options.show(text);
  }

  dispose(): void {
    this.unsubscribe();
  }

  private settingsChanged(changed: (keyof Settings)[]): void {
    // Another rebase multiplier restates xStock amounts: that is no deposit, so start comparing afresh.
    if (changed.includes('rebaseMultiplier')) {
      this.known.clear();
      this.historyIsComparable = false;
    }
  }
}
