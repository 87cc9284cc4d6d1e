// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { createFakeBridge, type FakeBridge } from '../testing/fake-bridge.ts';
import { account, accountBalances } from '../../../shared/testing/sample-data.ts';

afterEach(cleanup);

const KEY_ERROR = {
  code: 'invalid-key',
  kind: 'key' as const,
  message: 'Kraken does not recognise this API key.',
  hint: 'Check that the key still exists on Kraken, then use Update key to paste it again.',
};

async function withKeyError(): Promise<FakeBridge> {
  const bridge = createFakeBridge({
    accounts: [account('main', 'Main'), { ...account('demo', 'Demo account'), demo: true }],
    balances: [accountBalances('main', { status: 'error', error: KEY_ERROR, stale: true }), accountBalances('demo')],
  });
  render(<App bridge={bridge} />);
  await act(async () => undefined);
  fireEvent.click(screen.getByRole('tab', { name: /Main/ }));
  return bridge;
}

const dialog = () => screen.getByRole('dialog', { name: 'Update key' });
const fill = (values: Record<string, string>) => {
  for (const [label, value] of Object.entries(values)) fireEvent.change(within(dialog()).getByLabelText(label), { target: { value } });
};
const submit = async () => act(async () => fireEvent.click(within(dialog()).getByRole('button', { name: 'Update key' })));

describe('"Update key"', () => {
  it('opens from the key error for that account, names the account read-only, and starts on the API key', async () => {
    await withKeyError();
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('Kraken does not recognise this API key.');
    fireEvent.click(within(notice).getByRole('button', { name: 'Update key' }));
    const name = within(dialog()).getByLabelText('Account') as HTMLInputElement;
    expect([name.value, name.readOnly]).toEqual(['Main', true]);
    expect(document.activeElement).toBe(within(dialog()).getByLabelText('API key'));
    expect(dialog().textContent).toContain('Settings → Connections & API');
  });

  it('an empty form flags every required field at once and sends nothing', async () => {
    const bridge = await withKeyError();
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Update key' }));
    await submit();
    for (const label of ['API key', 'Private key']) expect(within(dialog()).getByLabelText(label).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog()).getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['Enter the API key.', 'Enter the private key.']);
    expect(document.activeElement).toBe(within(dialog()).getByLabelText('API key'));
    expect(bridge.calls.some(([call]) => call === 'accounts.updateKey')).toBe(false);
  });

  it('shows why main refused the new key at its field, says the saved key did not change, and keeps the entries', async () => {
    const bridge = await withKeyError();
    bridge.onUpdateKey = () => ({ ok: false, error: { code: 'secret-mismatch', message: 'The private key does not match this API key. The key was not saved.', field: 'apiSecret' } });
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Update key' }));
    fill({ 'API key': 'new-api-key', 'Private key': 'wrong-secret' });
    await submit();
    const secret = within(dialog()).getByLabelText('Private key');
    expect(secret.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(secret);
    expect(dialog().textContent).toContain('The private key does not match this API key.');
    expect(dialog().textContent).toContain('The saved key was not changed.');
    expect((within(dialog()).getByLabelText('API key') as HTMLInputElement).value).toBe('new-api-key');
  });

  it('sends the new key once for the account and closes when main has replaced it', async () => {
    const bridge = await withKeyError();
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Update key' }));
    fill({ 'API key': 'new-api-key', 'Private key': 'new-secret', '2FA password (optional)': 'new-otp' });
    await submit();
    expect(bridge.calls.filter(([call]) => call === 'accounts.updateKey')).toEqual([
      ['accounts.updateKey', { id: 'main', apiKey: 'new-api-key', apiSecret: 'new-secret', otp: 'new-otp' }],
    ]);
    expect(screen.queryByRole('dialog', { name: 'Update key' })).toBeNull();
  });

  it('is offered in Settings → Accounts for every keyed account, not for the demo', async () => {
    const bridge = await withKeyError();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const buttons = screen.getAllByRole('button', { name: 'Update key…' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0] as HTMLElement);
    expect((within(dialog()).getByLabelText('Account') as HTMLInputElement).value).toBe('Main');
    fill({ 'API key': 'k', 'Private key': 's' });
    await submit();
    expect(bridge.calls).toContainEqual(['accounts.updateKey', { id: 'main', apiKey: 'k', apiSecret: 's' }]);
  });
});
