import { describe, expect, it } from 'vitest';
import type { AccountSummary, Portfolio, Settings } from '../../ipc/contract.ts';
import { readNumberLocale } from '../../shared/number-locale.ts';
import { balanceRow } from '../../shared/testing/sample-data.ts';
import { DEFAULT_SETTINGS } from '../settings/settings-schema.ts';
import { ChangeNotifier } from './change-notifier.ts';
import type { NotificationText } from './change-text.ts';

const account: AccountSummary = { id: 'a', label: 'Main', keyFingerprint: 'fp', addedAt: '', hasOtp: false, demo: false, lastCheck: null };
const portfolio = (amounts: Record<string, string>): Portfolio => ({
  quote: 'USD',
  total: '0',
  unpriced: [],
  change24h: null,
  earn: null,
  rows: Object.entries(amounts).map(([asset, amount]) => balanceRow(asset, asset, amount, null)),
});

function harness(patch: Partial<Settings>, baseline: Record<string, string> | null = null) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...patch };
  let listener: (s: Settings, changed: (keyof Settings)[]) => void = () => undefined;
  const shown: NotificationText[] = [];
  const notifier = new ChangeNotifier({
    settings: { get: () => settings, onChange: (l) => ((listener = l), () => undefined) },
    baseline: () => baseline,
    show: (text) => shown.push(text),
    locale: () => readNumberLocale('en-US'),
  });
  return {
    shown,
    refresh: (amounts: Record<string, string>) => notifier.consider({ account, portfolio: portfolio(amounts), at: 0 }),
    update: (p: Partial<Settings>) => {
      settings = { ...settings, ...p };
      listener(settings, Object.keys(p) as (keyof Settings)[]);
    },
  };
}

describe('ChangeNotifier', () => {
  it('stays silent unless the user opted in', () => {
    const h = harness({ notifyOnChange: false });
    h.refresh({ XXBT: '1' });
    h.refresh({ XXBT: '2' });
    expect(h.shown).toEqual([]);
  });

  it('notifies once per asset that moved past the threshold between refreshes', () => {
    const h = harness({ notifyOnChange: true, notifyThresholdPercent: '10' });
    h.refresh({ XXBT: '1', DOT: '10' });
    h.refresh({ XXBT: '1.5', DOT: '10.5' });
    h.refresh({ XXBT: '1.5', DOT: '10.5' });
    expect(h.shown.map((t) => t.title)).toEqual(['XXBT balance increased 50.00%']);
  });

  it('notices a deposit that arrived while the app was closed, from the history', () => {
    const h = harness({ notifyOnChange: true }, { XXBT: '1' });
    h.refresh({ XXBT: '3' });
    expect(h.shown).toHaveLength(1);
  });

  it('starts comparing afresh after the rebase multiplier changes', () => {
    const h = harness({ notifyOnChange: true }, { XSTOCK: '1' });
    h.update({ rebaseMultiplier: 'base' });
    h.refresh({ XSTOCK: '10' });
    expect(h.shown).toEqual([]);
    h.refresh({ XSTOCK: '20' });
    expect(h.shown).toHaveLength(1);
  });
});
