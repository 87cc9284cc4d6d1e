// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeContext } from '../bridge.ts';
import { createFakeBridge } from '../testing/fake-bridge.ts';
import { WeakConsent } from './WeakConsent.tsx';

afterEach(cleanup);

const CONSENT = { backend: 'basic_text', acceptedAt: '2025-03-04T10:00:00.000Z' };

async function withdrawWith(answer: ReturnType<ReturnType<typeof createFakeBridge>['onWithdrawWeak']>) {
  const bridge = createFakeBridge();
  bridge.onWithdrawWeak = () => answer;
  render(
    <BridgeContext.Provider value={bridge}>
      <WeakConsent consent={CONSENT} locale="en-US" />
    </BridgeContext.Provider>,
  );
  expect(screen.getByTestId('weak-consent').textContent).toContain('You consented to weaker protection (basic_text) on Mar 4, 2025.');
  fireEvent.click(screen.getByRole('button', { name: 'Withdraw consent…' }));
  await act(async () => undefined);
  return bridge;
}

describe('WeakConsent (Settings)', () => {
  it('only asks main to withdraw, and says what main did', async () => {
    const bridge = await withdrawWith({ ok: true, value: { withdrawn: true, removed: 2, resealed: 0 } });
    expect(bridge.calls).toEqual([['storage.withdrawWeakProtection', undefined]]);
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
});
