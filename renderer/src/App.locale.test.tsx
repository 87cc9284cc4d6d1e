// @vitest-environment happy-dom
import { cleanup, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useNumberLocale } from './hooks/use-number-locale.ts';
import { renderApp, withAccount } from './testing/render-app.tsx';
import { readNumberLocale } from '../../shared/number-locale.ts';

afterEach(cleanup);

// A reading no locale of this test's Chromium stand-in would give: only main's reading can write these numbers.
const mainsReading = { ...readNumberLocale('en-US'), group: '\u2019', decimal: ',' };

describe('how the window writes numbers', () => {
  it('takes main’s reading of the OS locale from the app info, as the tray does', async () => {
    const bridge = withAccount();
    bridge.state.info = { ...bridge.state.info, numberLocale: mainsReading };
    await renderApp(bridge);
    expect(screen.getAllByText('$612\u2019345,12').length).toBeGreaterThan(0);
  });

  it('reads the window’s own locale only when main’s info could not be read', async () => {
    const bridge = withAccount();
    bridge.app.getInfo = () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'no info' } });
    await renderApp(bridge);
    expect(screen.getAllByText('$612,345.12').length).toBeGreaterThan(0);
  });

  it('needs none before main answers, and keeps one object while main sends the same reading again', () => {
    const { result, rerender } = renderHook(({ reading, answered }) => useNumberLocale(reading, answered), {
      initialProps: { reading: null as typeof mainsReading | null, answered: false },
    });
    expect(result.current).toBeNull();
    rerender({ reading: mainsReading, answered: true });
    const first = result.current;
    expect(first).toEqual(mainsReading);
    // Main answers getInfo again after an account change: an equal reading in a new object.
    rerender({ reading: { ...mainsReading }, answered: true });
    expect(result.current).toBe(first);
    rerender({ reading: { ...mainsReading, decimal: '.' }, answered: true });
    expect(result.current?.decimal).toBe('.');
  });
});
