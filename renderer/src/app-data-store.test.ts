import { describe, expect, it } from 'vitest';
import type { Settings } from '../../ipc/contract.ts';
import { appDataStore } from './app-data-store.ts';
import { createFakeBridge } from './testing/fake-bridge.ts';
import { account, accountBalances } from '../../shared/testing/sample-data.ts';

const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('app data store', () => {
  it('reads everything as soon as it is created, once per bridge', async () => {
    const bridge = createFakeBridge({ accounts: [account('main', 'Main')], balances: [accountBalances('main')] });
    const store = appDataStore(bridge);
    expect(appDataStore(bridge)).toBe(store);
    expect(store.get().accounts).toBeNull();
    await settled();
    expect(store.get().accounts?.map((entry) => entry.id)).toEqual(['main']);
    expect(store.get().balances).toHaveLength(1);
    expect(store.get().settings).toEqual(bridge.state.settings);
    expect(store.get().loadError).toBeNull();
  });

  it('follows main’s change events and tells subscribers, keeping the snapshot until something changes', async () => {
    const bridge = createFakeBridge({ accounts: [account('main', 'Main')] });
    const store = appDataStore(bridge);
    await settled();
    const before = store.get();
    expect(store.get()).toBe(before);
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    bridge.emitBalances([accountBalances('main')]);
    expect(calls).toBe(1);
    expect(store.get()).not.toBe(before);
    expect(store.get().balances).toHaveLength(1);
    unsubscribe();
    bridge.emitSettings({ ...bridge.state.settings, privacyMode: true });
    expect(calls).toBe(1);
    expect(store.get().settings?.privacyMode).toBe(true);
  });

  it('shows a settings change at once and puts back main’s settings when main refuses it', async () => {
    const bridge = createFakeBridge();
    bridge.settings.update = () => Promise.resolve({ ok: false, error: { code: 'invalid-settings', message: 'No.' } });
    const store = appDataStore(bridge);
    await settled();
    const pending = store.updateSettings({ privacyMode: true });
    expect(store.get().settings?.privacyMode).toBe(true);
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(store.get().settings?.privacyMode).toBe(false);
  });

  it('says main is unreachable when a first read fails, and shows no account list as none', async () => {
    const bridge = createFakeBridge();
    bridge.accounts.list = () => Promise.reject(new Error('gone'));
    const store = appDataStore(bridge);
    await settled();
    expect(store.get().accounts).toEqual([]);
    expect(store.get().loadError?.code).toBe('bridge-unreachable');
  });

  it('keeps a later change on screen when main answers an earlier one after it was made', async () => {
    const bridge = createFakeBridge();
    const answers: ((settings: Settings) => void)[] = [];
    bridge.settings.update = () => new Promise((resolve) => answers.push((value) => resolve({ ok: true, value })));
    const store = appDataStore(bridge);
    await settled();
    const base = bridge.state.settings;
    const tier = store.updateSettings({ tier: 'pro' });
    const rebase = store.updateSettings({ rebaseMultiplier: 'base' });
    // Main's answer (and its broadcast) for the tier knows nothing of the rebase change yet.
    bridge.emitSettings({ ...base, tier: 'pro' });
    answers[0]?.({ ...base, tier: 'pro' });
    await tier;
    expect(store.get().settings).toMatchObject({ tier: 'pro', rebaseMultiplier: 'base' });
    answers[1]?.({ ...base, tier: 'pro', rebaseMultiplier: 'base' });
    await rebase;
    expect(store.get().settings).toEqual({ ...base, tier: 'pro', rebaseMultiplier: 'base' });
  });
});
