// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { createFakeBridge, type FakeBridge } from '../testing/fake-bridge.ts';
import { account, accountBalances } from '../../../shared/testing/sample-data.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const NOW = Date.UTC(2025, 0, 5, 12, 0, 0);

async function renderWith(partial: Parameters<typeof accountBalances>[1]): Promise<FakeBridge> {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  const bridge = createFakeBridge({ accounts: [account('main', 'Main')], balances: [accountBalances('main', partial)] });
  render(<App bridge={bridge} />);
  await act(async () => vi.advanceTimersByTimeAsync(0));
  return bridge;
}

describe('refresh problems', () => {
  it('a lockout names its end in local time with a countdown, and Refresh is disabled with the reason', async () => {
    const retryAt = new Date(NOW + 12 * 60_000 + 4_000).toISOString();
    const local = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(new Date(retryAt));
    await renderWith({ status: 'error', stale: true, error: { code: 'lockout', kind: 'transient', message: 'Kraken has temporarily locked this API key after too many failed requests.', retryAt } });
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    expect((refresh as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('refresh-blocked').textContent).toBe(`Refresh is paused until ${local} · 12:04 left: Kraken will not answer sooner.`);
    expect(refresh.getAttribute('aria-describedby')).toBe('refresh-blocked');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(`Locked until ${local} · 12:04 left.`);
    expect(alert.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    act(() => vi.advanceTimersByTime(4_000));
    expect(screen.getByTestId('refresh-blocked').textContent).toContain('12:00 left');
    act(() => vi.advanceTimersByTime(12 * 60_000));
    expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('refresh-blocked')).toBeNull();
  });

  it('a passing problem looks calm and points to Kraken status; a key problem looks like an error', async () => {
    const bridge = await renderWith({ status: 'error', stale: true, error: { code: 'bad-response', kind: 'transient', message: 'Kraken sent an answer the app could not read: it was cut off or garbled on the way.' } });
    const alert = screen.getByRole('alert');
    expect(alert.dataset['kind']).toBe('transient');
    expect(screen.getByTestId('refresh-status').textContent).toBe('Temporary problem');
    within(alert).getByRole('button', { name: /Kraken status page/ }).click();
    expect(bridge.calls).toContainEqual(['help.open', 'kraken-status']);
    cleanup();
    await renderWith({ status: 'error', stale: true, error: { code: 'invalid-key', kind: 'key', message: 'Kraken does not recognise this API key.' } });
    expect(screen.getByRole('alert').dataset['kind']).toBe('key');
    expect(screen.getByTestId('refresh-status').textContent).toBe('Refresh failed');
    expect(screen.queryByRole('button', { name: /Kraken status page/ })).toBeNull();
  });

  it('the stale marker stays while a retry runs', async () => {
    await renderWith({ status: 'refreshing', stale: true, error: { code: 'network', kind: 'transient', message: 'Could not reach Kraken.' } });
    expect(screen.getByTestId('stale-note').textContent).toMatch(/^Showing the last balances received, from /);
    expect(screen.getByRole('table').className).toContain('is-stale');
  });
});

describe('instant start', () => {
  it('history\'s last record shows at once, marked "from <time>, refreshing…"', async () => {
    const at = new Date(NOW - 3 * 3_600_000).toISOString();
    const local = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(new Date(at));
    await renderWith({ status: 'refreshing', stale: true, fromHistory: true, fetchedAt: at });
    expect(screen.getByTestId('stale-note').textContent).toBe(`From ${local}, refreshing…`);
    expect(screen.getByRole('table').className).toContain('is-stale');
  });

  it('offline, it stays on screen marked stale, with the problem', async () => {
    const at = new Date(NOW - 3 * 3_600_000).toISOString();
    await renderWith({ status: 'error', stale: true, fromHistory: true, fetchedAt: at, error: { code: 'network', kind: 'transient', message: 'Could not reach Kraken.' } });
    expect(screen.getByTestId('stale-note').textContent).toMatch(/: the last balances this app saw\. Kraken has not answered since\.$/);
    expect(screen.getByRole('alert').textContent).toContain('Could not reach Kraken.');
  });
});
