// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcResult, WeakConsentWithdrawal, WeakProtectionConsent } from '../../../ipc/contract.ts';
import { BridgeContext } from '../bridge.ts';
import { createFakeBridge, type FakeBridge } from '../testing/fake-bridge.ts';
import { WeakConsent } from './WeakConsent.tsx';

afterEach(cleanup);

const CONSENT: WeakProtectionConsent = { backend: 'basic_text', acceptedAt: '2025-03-04T10:00:00.000Z' };

const view = (bridge: FakeBridge, consent: WeakProtectionConsent | null) => (
  <BridgeContext.Provider value={bridge}>
    <WeakConsent consent={consent} locale="en-US" />
  </BridgeContext.Provider>
);

async function withdrawWith(answer: IpcResult<WeakConsentWithdrawal>) {
  const bridge = createFakeBridge();
  bridge.onWithdrawWeak = () => answer;
  const rendered = render(view(bridge, CONSENT));
  expect(screen.getByTestId('weak-consent').textContent).toContain('You consented to weaker protection (basic_text) on Mar 4, 2025.');
  fireEvent.click(screen.getByRole('button', { name: 'Withdraw consent…' }));
  await act(async () => undefined);
  return { bridge, rerender: (consent: WeakProtectionConsent | null) => rendered.rerender(view(bridge, consent)) };
}

describe('WeakConsent (Settings)', () => {
  it('only asks main to withdraw, and keeps saying what main did once the consent is reported gone', async () => {
    const { bridge, rerender } = await withdrawWith({ ok: true, value: { withdrawn: true, removed: 2, resealed: 0 } });
    expect(bridge.calls).toEqual([['storage.withdrawWeakProtection', undefined]]);
    rerender(null);
    expect(screen.getByRole('status').textContent).toBe('Consent withdrawn: 2 keys were deleted from this computer. Adding a key will ask again.');
    expect(screen.queryByRole('button', { name: 'Withdraw consent…' })).toBeNull();
  });

  it('says when keys were sealed again, and when the user kept the consent in main\'s dialog', async () => {
    await withdrawWith({ ok: true, value: { withdrawn: true, removed: 0, resealed: 1 } });
    expect(screen.getByRole('status').textContent).toBe('Consent withdrawn: one key was sealed again by the keyring. Adding a key will ask again.');
    cleanup();
    await withdrawWith({ ok: true, value: { withdrawn: false, removed: 0, resealed: 0 } });
    expect(screen.getByRole('status').textContent).toBe('Nothing changed: the consent stays.');
    expect(screen.getByRole('button', { name: 'Withdraw consent…' })).toBeTruthy();
  });

  it('shows nothing without a consent', () => {
    render(view(createFakeBridge(), null));
    expect(screen.queryByTestId('weak-consent')).toBeNull();
  });
});
