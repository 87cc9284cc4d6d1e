// @vitest-environment happy-dom
// The window before any balances: the first-run choice and the add-key form (App.test.tsx has the rest).
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge } from './testing/fake-bridge.ts';
import { renderApp } from './testing/render-app.tsx';
import { account, accountBalances } from '../../shared/testing/sample-data.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('first run', () => {
  it('offers a key or the offline demo, and the demo opens the balances view', async () => {
    const bridge = createFakeBridge();
    await renderApp(bridge);
    expect(screen.getByRole('heading', { name: 'Kraken Balances' })).toBeTruthy();
    expect(screen.getByText(/tick only/)).toBeTruthy();
    expect(screen.getByText(/This app only reads your balances/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /How to create an API key/ }));
    expect(bridge.calls).toContainEqual(['help.open', 'create-api-key']);

    fireEvent.click(screen.getByRole('button', { name: 'Open the demo account' }));
    await act(async () => undefined);
    act(() => bridge.emitBalances([accountBalances('demo')]));
    expect(bridge.calls).toContainEqual(['accounts.addDemo', undefined]);
    expect(screen.getByRole('table', { name: 'Balances of Demo account in USD' })).toBeTruthy();
  });
});

describe('adding a key', () => {
  const fill = (values: Record<string, string>) => {
    for (const [label, value] of Object.entries(values)) fireEvent.change(screen.getByLabelText(label), { target: { value } });
  };

  it('an empty form flags every required field at once and sends nothing', async () => {
    const bridge = createFakeBridge();
    await renderApp(bridge);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add account' })));
    for (const label of ['API key', 'Private key']) expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['Enter the API key.', 'Enter the private key.']);
    expect(document.activeElement).toBe(screen.getByLabelText('API key'));
    expect(bridge.calls.some(([call]) => call === 'accounts.add')).toBe(false);
  });
  it('shows an error at the field main names, keeps the entries, and clears them after success', async () => {
    const bridge = createFakeBridge();
    bridge.onAdd = () => ({ ok: false, error: { code: 'invalid-api-key', message: 'This looks like the private key, not the API key.', hint: 'Swap them.', field: 'apiKey' } });
    await renderApp(bridge);
    fill({ Name: 'Main', 'API key': 'pasted-secret', 'Private key': 'the-secret' });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await act(async () => undefined);

    const apiKey = screen.getByLabelText('API key') as HTMLInputElement;
    expect(apiKey.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(apiKey);
    const describedBy = apiKey.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toContain('This looks like the private key');
    expect((screen.getByLabelText('Private key') as HTMLInputElement).value).toBe('the-secret');
    expect(bridge.calls.at(-1)).toEqual(['accounts.add', { label: 'Main', apiKey: 'pasted-secret', apiSecret: 'the-secret' }]);

    bridge.onAdd = () => ({ ok: true, value: account('main', 'Main') });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await act(async () => undefined);
    expect((screen.getByLabelText('Private key') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
  });

  it('never answers the weak-protection question itself: one add, and main\'s refusal shown with the entries kept', async () => {
    const bridge = createFakeBridge();
    bridge.state.info = { ...bridge.state.info, storage: { backend: 'basic_text', level: 'weak', weakAccepted: false, weakConsent: null } };
    bridge.onAdd = () => ({ ok: false, error: { code: 'weak-protection-declined', message: 'The key was not saved.' } });
    await renderApp(bridge);
    fill({ 'API key': 'k', 'Private key': 's' });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await act(async () => undefined);
    expect(bridge.calls).toEqual([['accounts.add', { label: '', apiKey: 'k', apiSecret: 's' }]]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText('The key was not saved.')).toBeTruthy();
    expect((screen.getByLabelText('Private key') as HTMLInputElement).value).toBe('s');
  });
});
