// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge } from './testing/fake-bridge.ts';
import { renderApp, withAccount } from './testing/render-app.tsx';
import { account, accountBalances } from '../../shared/testing/sample-data.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('balances view', () => {
  const rowNames = () => screen.getAllByRole('row').slice(1).map((row) => row.getAttribute('aria-label') ?? '');

  it('reads each row as one sentence and explains read-only badges', async () => {
    await renderApp(withAccount());
    const staked = screen.getByRole('row', { name: 'Staked ETH, read-only, 198.39708 ETH, price $1.00, 612,345.12 US dollars' });
    expect(within(staked).getByText('Staked')).toBeTruthy();
    const tooltip = document.getElementById(staked.getAttribute('aria-describedby') ?? '');
    expect(tooltip?.textContent).toBe('ETH2.S is ETH staked (legacy staking). This balance is read-only: to trade or withdraw, use ETH.');
    const amount = staked.querySelector('.amount-text');
    expect(amount?.textContent).toBe('198.39708');
    expect(amount?.closest('[data-exact]')?.getAttribute('data-exact')).toBe('198.3970800000');
    expect(screen.getByRole('row', { name: 'FOO, 7 FOO, no price, unpriced' })).toBeTruthy();
  });

  it('filters read-only balances, searches, and sorts by any column', async () => {
    await renderApp(withAccount());
    fireEvent.click(screen.getByLabelText('Read-only'));
    // ETH2 is staked ETH without a suffix: read-only like ETH2.S, grouped with it under ETH.
    expect(rowNames().map((name) => name.split(',')[0])).toEqual(['USD in opt-in rewards', 'ETH', 'Staked ETH', 'Staked ETH', 'USDT in Kraken Rewards']);
    expect(screen.getByText('4 of 11 balances')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('All'));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search assets' }), { target: { value: 'dot' } });
    await act(async () => undefined);
    expect(rowNames()).toEqual(['DOT, 2.5 DOT, price $1.00, 17.81 US dollars']);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search assets' }), { target: { value: '' } });
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: /Asset/ }));
    expect(screen.getByRole('columnheader', { name: /Asset/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames()[0]).toMatch(/^BTC,/);
    expect(rowNames()[1]).toMatch(/^DOT,/);
    fireEvent.click(screen.getByRole('button', { name: /Asset/ }));
    expect(screen.getByRole('columnheader', { name: /Asset/ }).getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()[0]).toMatch(/^USDT, all 2 balances/);
  });

  it('hides small balances through the setting', async () => {
    const bridge = withAccount();
    await renderApp(bridge);
    const threshold = screen.getByLabelText('Hide balances under');
    fireEvent.change(threshold, { target: { value: '1,000' } });
    fireEvent.blur(threshold);
    await act(async () => undefined);
    expect(bridge.calls).toContainEqual(['settings.update', { hideSmallBelow: '1000' }]);
    expect(rowNames().some((name) => name.startsWith('DOT'))).toBe(false);
    expect(rowNames().some((name) => name.startsWith('FOO'))).toBe(true);

    fireEvent.change(threshold, { target: { value: 'ten' } });
    fireEvent.blur(threshold);
    expect(screen.getByRole('alert').textContent).toContain('Enter an amount such as 1.5');
    expect((threshold as HTMLInputElement).value).toBe('ten');
  });

  it('masks every amount with P and Ctrl+Shift+P, but not while typing', async () => {
    const bridge = withAccount();
    await renderApp(bridge);
    const search = screen.getByRole('searchbox', { name: 'Search assets' });
    fireEvent.keyDown(search, { key: 'p' });
    expect(bridge.calls.filter(([name]) => name === 'settings.update')).toEqual([]);

    fireEvent.keyDown(document.body, { key: 'p' });
    await act(async () => undefined);
    expect(bridge.calls).toContainEqual(['settings.update', { privacyMode: true }]);
    expect(screen.getByTestId('portfolio-total').textContent).toBe('•••••');
    expect(screen.getAllByRole('row', { name: 'Staked ETH, read-only, amount hidden, price $1.00, value hidden' })).toHaveLength(2);
    expect(document.body.textContent).not.toContain('198.39708');
    // The button says what it does now.
    expect(screen.queryByRole('button', { name: /Hide amounts/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Show amounts/ })).toBeTruthy();

    fireEvent.keyDown(search, { key: 'P', ctrlKey: true, shiftKey: true });
    await act(async () => undefined);
    expect(bridge.calls).toContainEqual(['settings.update', { privacyMode: false }]);
    expect(document.body.textContent).toContain('198.39708');
    expect(screen.getByRole('button', { name: /Hide amounts/ })).toBeTruthy();
  });

  it('moves between rows with the arrow keys', async () => {
    await renderApp(withAccount());
    const [first, ...rest] = screen.getAllByRole('row').slice(1);
    if (first === undefined) throw new Error('no rows');
    expect(first.tabIndex).toBe(0);
    expect(rest.every((row) => row.tabIndex === -1)).toBe(true);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await act(async () => undefined);
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^ETH, all 3 balances/);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'End' });
    await act(async () => undefined);
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^FOO/);
  });
});

describe('header', () => {
  it('shows total, the 24 h change from prices, longer periods from history, and a live countdown', async () => {
    vi.useFakeTimers({ now: Date.parse('2025-01-05T12:00:18.000Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const sample = accountBalances('main');
    const bridge = withAccount({ portfolio: sample.portfolio && { ...sample.portfolio, change24h: { now: '104380435.39', before: '100000000' } } });
    // Recorded totals about 30 d and 7 d ago; nothing a year ago.
    bridge.state.history = [{ at: '2024-12-06T12:30:00.000Z', total: '104380435.40' }, { at: '2024-12-29T11:00:00.000Z', total: '110000000' }];
    await renderApp(bridge);
    expect(screen.getByTestId('portfolio-total').textContent).toBe('$104,380,435.39');
    expect(screen.getByTestId('total-change').textContent).toBe('▲ +$4,380,435.39 (+4.38%) in 24 h');
    // A real change on a large total is never "0.00%"; a period the history does not reach is "—", not 0.
    await act(async () => undefined);
    expect(screen.getByTestId('period-changes').textContent).toBe('7 d -5.11%30 d -<0.01%1 y —');
    expect(screen.getByTestId('refresh-status').textContent).toBe('Up to date');
    expect(screen.getByTestId('next-refresh').textContent).toContain('Next refresh in 0:42');
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('next-refresh').textContent).toContain('Next refresh in 0:40');
    expect(screen.getByTestId('updated-at').textContent).toContain('(20 seconds ago)');
  });

  it('keeps the last balances on screen, marked stale, with the error and its hint', async () => {
    const error = { code: 'invalid-nonce', message: 'Kraken rejected the request as out of order (invalid nonce).', hint: 'Give this app its own API key.' };
    const bridge = withAccount({ status: 'error', error: { ...error, kind: 'key' }, stale: true });
    await renderApp(bridge);
    expect(screen.getByTestId('refresh-status').textContent).toBe('Refresh failed');
    expect(screen.getByRole('alert').textContent).toContain('Give this app its own API key.');
    expect(screen.getByTestId('stale-note').textContent).toMatch(/^Showing the last balances received, from /);
    expect(screen.getByRole('table').className).toContain('is-stale');
    expect(screen.getAllByRole('row').length).toBeGreaterThan(5);
    fireEvent.click(screen.getByRole('button', { name: 'What is a nonce window?' }));
    expect(bridge.calls).toContainEqual(['help.open', 'nonce-window']);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(bridge.calls).toContainEqual(['balances.refresh', 'main']);
  });

  it('combines accounts under "All accounts" and refreshes them all', async () => {
    const bridge = createFakeBridge({
      accounts: [account('a', 'Main'), account('b', 'Savings')],
      balances: [accountBalances('a'), accountBalances('b')],
    });
    await renderApp(bridge);
    expect(screen.getByRole('tab', { name: 'All accounts' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('portfolio-total').textContent).toBe('$208,760,870.78');
    expect(screen.getByRole('row', { name: /^Staked ETH, read-only, 396.79416 ETH, price \$1.00, 1,224,690.25 US dollars$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(bridge.calls).toContainEqual(['balances.refresh', undefined]);
    fireEvent.keyDown(screen.getByRole('tab', { name: 'All accounts' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Main' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('portfolio-total').textContent).toBe('$104,380,435.39');
  });
});

describe('settings', () => {
  it('changes settings through main and applies the theme', async () => {
    const bridge = withAccount();
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    fireEvent.change(within(dialog).getByLabelText('Quote currency'), { target: { value: 'EUR' } });
    fireEvent.click(within(dialog).getByLabelText('Dark'));
    fireEvent.change(within(dialog).getByLabelText('Refresh'), { target: { value: '300' } });
    fireEvent.click(within(dialog).getByLabelText('Base'));
    fireEvent.click(within(dialog).getByLabelText('Launch at login'));
    await act(async () => undefined);
    expect(bridge.calls.filter(([name]) => name === 'settings.update').map(([, patch]) => patch)).toEqual([
      { quoteCurrency: 'EUR' },
      { theme: 'dark' },
      { refreshIntervalSec: 300 },
      { rebaseMultiplier: 'base' },
      { launchAtLogin: true },
    ]);
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(within(dialog).getByTestId('storage-protection').textContent).toBe('Protected by your operating system’s keyring (gnome_libsecret).');
    expect(within(dialog).getByText(/For xStocks only/)).toBeTruthy();
  });

  it('renames and removes accounts', async () => {
    const bridge = withAccount();
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    fireEvent.change(screen.getByLabelText('New name for Main'), { target: { value: 'Trading' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await act(async () => undefined);
    expect(bridge.calls).toContainEqual(['accounts.rename', { id: 'main', label: 'Trading' }]);
    // One click: main confirms natively (the page cannot answer that dialog).
    fireEvent.click(screen.getByRole('button', { name: 'Remove…' }));
    await act(async () => undefined);
    expect(bridge.calls).toContainEqual(['accounts.remove', 'main']);
  });

  it('shows start-up notices until dismissed', async () => {
    const bridge = withAccount();
    bridge.state.info = { ...bridge.state.info, startupNotices: ['Your settings file was damaged; defaults are back.'] };
    await renderApp(bridge);
    expect(screen.getByText('Your settings file was damaged; defaults are back.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Your settings file was damaged; defaults are back.')).toBeNull();
  });

  it('shows a balance change the OS would not notify in the window, and Settings says notifications cannot be shown', async () => {
    const bridge = withAccount();
    await renderApp(bridge);
    act(() => bridge.emitNotificationFailure({ reason: 'not allowed for an unsigned app', missed: [{ title: 'BTC balance increased 5%', body: 'Main: 1 → 1.05 BTC' }] }));
    expect(screen.getByText('BTC balance increased 5%. Main: 1 → 1.05 BTC')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(within(screen.getByRole('dialog', { name: 'Settings' })).getByTestId('notifications-unavailable').textContent)
      .toBe('This system does not show the app’s notifications (not allowed for an unsigned app). Balance changes appear as notices in this window instead.');
  });
});
