import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import { DEFAULT_SETTINGS, settingsPatchSchema } from './settings-schema.ts';
import { SettingsService } from './settings-service.ts';

describe('SettingsService', () => {
  it('starts from defaults and persists updates', () => {
    const store = memoryStore();
    const settings = new SettingsService(store);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ quoteCurrency: 'EUR', refreshIntervalSec: 120 });
    expect(new SettingsService(store).get()).toMatchObject({ quoteCurrency: 'EUR', refreshIntervalSec: 120 });
  });

  it('keeps good stored fields and replaces only the bad ones', () => {
    const store = memoryStore({ settings: { quoteCurrency: 'GBP', refreshIntervalSec: 5, theme: 'purple', privacyMode: true } });
    expect(new SettingsService(store).get()).toEqual({ ...DEFAULT_SETTINGS, quoteCurrency: 'GBP', privacyMode: true });
  });

  it('tells listeners which fields changed, and nothing when nothing did', () => {
    const settings = new SettingsService(memoryStore());
    const listener = vi.fn();
    settings.onChange(listener);
    settings.update({ theme: 'dark', quoteCurrency: 'USD' });
    settings.update({ theme: 'dark' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[1]).toEqual(['theme']);
  });

  it('refuses out-of-bounds intervals, unknown keys and float-looking thresholds at the edge', () => {
    expect(settingsPatchSchema.safeParse({ refreshIntervalSec: 10 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ refreshIntervalSec: 86_400 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ apiSecret: 'x' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ hideSmallBelow: '1e-3' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ hideSmallBelow: '0.001' }).success).toBe(true);
  });

  it('refuses a field given as undefined at the edge, so an update never throws later', () => {
    const patch = { theme: undefined };
    expect(settingsPatchSchema.safeParse(patch)).toMatchObject({ success: false, error: { issues: [{ path: ['theme'] }] } });
    expect(settingsPatchSchema.safeParse({}).success).toBe(true);
  });
});
