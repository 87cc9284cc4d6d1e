// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { createFakeBridge, type FakeBridge } from '../testing/fake-bridge.ts';
import { account, accountBalances } from '../../../shared/testing/sample-data.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const points = [
  { at: '2026-01-01T10:00:00.000Z', total: '100.5' },
  { at: '2026-01-01T11:00:00.000Z', total: '90.25' },
  { at: '2026-01-01T12:00:00.000Z', total: '120' },
];

async function renderWith(state: Parameters<typeof createFakeBridge>[0] = {}): Promise<FakeBridge> {
  const bridge = createFakeBridge({ accounts: [account('main', 'Main'), account('b', 'Savings')], balances: [accountBalances('main')], history: points, ...state });
  render(<App bridge={bridge} />);
  await act(async () => undefined);
  return bridge;
}

describe('history chart', () => {
  it('reads the range picked and says which one is shown', async () => {
    const bridge = await renderWith();
    const chart = screen.getByTestId('history-chart');
    const day = within(chart).getByRole('button', { name: 'last 24 hours' });
    expect(within(chart).getByRole('button', { name: 'all history' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(day);
    await act(async () => undefined);
    expect(day.getAttribute('aria-pressed')).toBe('true');
    expect(bridge.calls).toContainEqual(['history.get', { range: '24h' }]);
  });

  it('shows the time and exact value of a point on keyboard focus and on hover', async () => {
    await renderWith();
    const reader = screen.getByRole('slider', { name: 'Portfolio value: pick a time' });
    const readout = screen.getByTestId('history-readout');
    act(() => reader.focus());
    expect(readout.textContent).toMatch(/: \$120\.00$/);
    expect(reader.getAttribute('aria-valuetext')).toBe(readout.textContent);
    fireEvent.keyDown(reader, { key: 'ArrowLeft' });
    expect(readout.textContent).toMatch(/: \$90\.25$/);
    fireEvent.keyDown(reader, { key: 'Home' });
    expect(readout.textContent).toMatch(/: \$100\.50$/);
    act(() => reader.blur());
    expect(readout.textContent).toBe('');
    vi.spyOn(reader, 'getBoundingClientRect').mockReturnValue({ left: 0, width: 200, top: 0, height: 90, right: 200, bottom: 90, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerMove(reader, { clientX: 190 });
    expect(readout.textContent).toMatch(/: \$120\.00$/);
    fireEvent.pointerLeave(reader);
    expect(readout.textContent).toBe('');
  });

  it('says when the chart is in the currency it was recorded in, and when an account joined', async () => {
    const bridge = await renderWith({ historyInfo: { quote: 'EUR', currentQuote: 'USD', otherQuotes: ['USD'], joins: [{ accountId: 'b', at: points[1]?.at ?? '' }] } });
    const notes = screen.getByTestId('history-notes');
    expect(notes.textContent).toContain('Shown in EUR, as it was recorded: there is not enough USD history yet.');
    expect(notes.textContent).toMatch(/Savings is counted from /);
    fireEvent.change(screen.getByRole('combobox', { name: 'Currency of the chart' }), { target: { value: 'USD' } });
    await act(async () => undefined);
    expect(bridge.calls).toContainEqual(['history.get', { range: 'all', quote: 'USD' }]);
  });
});

describe('per-asset history', () => {
  it('opens from a line (button or Enter) with the line’s Kraken codes, amount and value over time', async () => {
    const bridge = await renderWith({ assetHistory: [
      { at: points[0]?.at ?? '', amount: '1.5', value: '150' },
      { at: points[2]?.at ?? '', amount: '2', value: null },
      { at: '2026-01-01T13:00:00.000Z', amount: '2.25', value: '225.5' },
    ] });
    fireEvent.click(screen.getByRole('button', { name: 'History of all ETH' }));
    await act(async () => undefined);
    const dialog = screen.getByRole('dialog', { name: 'History of ETH' });
    expect(bridge.calls).toContainEqual(['history.asset', { range: 'all', assets: ['XETH', 'ETH2.S', 'ETH2'] }]);
    expect(within(dialog).getByTestId('asset-amount-line')).toBeTruthy();
    expect(within(dialog).getByTestId('asset-value-line')).toBeTruthy();
    expect(dialog.textContent).toContain('1 point has no value: no price was recorded then.');
    const amount = within(dialog).getByRole('slider', { name: 'ETH amount: pick a time' });
    act(() => amount.focus());
    expect(amount.getAttribute('aria-valuetext')).toMatch(/: 2\.25 ETH$/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await act(async () => undefined);

    const row = screen.getAllByRole('row').find((candidate) => candidate.getAttribute('data-line') === 'row:DOT');
    if (!row) throw new Error('no DOT line');
    act(() => row.focus());
    fireEvent.keyDown(row, { key: 'Enter' });
    await act(async () => undefined);
    expect(screen.getByRole('dialog', { name: 'History of DOT' })).toBeTruthy();
    expect(bridge.calls).toContainEqual(['history.asset', { range: 'all', assets: ['DOT'] }]);
  });
});

describe('export', () => {
  it('asks main for the file and says where it went, or that nothing was saved', async () => {
    const bridge = await renderWith({ exportResult: { saved: true, fileName: 'kraken-balances.csv', rows: 11 } });
    fireEvent.click(screen.getByRole('button', { name: 'Balances as CSV…' }));
    await act(async () => undefined);
    expect(bridge.calls).toContainEqual(['export.csv', { kind: 'balances' }]);
    expect(screen.getByTestId('export-status').textContent).toBe('Saved 11 balances to kraken-balances.csv.');
    bridge.state.exportResult = { saved: false };
    fireEvent.click(screen.getByRole('button', { name: 'History as CSV…' }));
    await act(async () => undefined);
    expect(screen.getByTestId('export-status').textContent).toBe('Nothing was exported.');
  });
});
