// @vitest-environment happy-dom
// Hooks whose answer keeps its identity while nothing in it changed: the window's components are memoised on
// them, so a new but equal object would render whole parts of the window again for nothing.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from '../testing/fake-bridge.ts';
import { useBalanceFilters } from './use-balance-filters.ts';
import { useUpdate } from './use-update.ts';

afterEach(cleanup);

describe('useUpdate', () => {
  it('does not render again for an answer equal to the state it holds', async () => {
    const bridge = createFakeBridge();
    let answered = false;
    const get = bridge.update.get;
    bridge.update.get = () => get().finally(() => (answered = true));
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useUpdate(bridge);
    });
    const first = result.current;
    await waitFor(() => expect(answered).toBe(true));
    // Main's first answer is the state the window starts from (updates unavailable unpackaged).
    expect(result.current).toBe(first);
    expect(renders).toBe(1);

    act(() => bridge.emitUpdate({ status: 'ready', version: '2.0.0', releaseNotes: 'Faster.' }));
    expect(result.current).toEqual({ status: 'ready', version: '2.0.0', releaseNotes: 'Faster.' });
    const ready = result.current;
    act(() => bridge.emitUpdate({ status: 'ready', version: '2.0.0', releaseNotes: 'Faster.' }));
    expect(result.current).toBe(ready);
  });
});

describe('useBalanceFilters', () => {
  it('keeps one object while no filter changes, and gives a new one when one does', () => {
    const { result, rerender } = renderHook(({ threshold }) => useBalanceFilters(threshold), { initialProps: { threshold: '0' } });
    const first = result.current;
    rerender({ threshold: '0' });
    expect(result.current).toBe(first);
    act(() => result.current.setKind('read-only'));
    expect(result.current).not.toBe(first);
    expect(result.current.filter.kind).toBe('read-only');
    const second = result.current;
    rerender({ threshold: '10' });
    expect(result.current).not.toBe(second);
    expect(result.current.filter.hideBelow).toBe('10');
  });
});
