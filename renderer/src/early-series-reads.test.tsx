// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appDataStore } from './app-data-store.ts';
import { readFirstSeries } from './early-series-reads.ts';
import { useHistory } from './hooks/use-history.ts';
import { chartSeriesRequest, FIRST_RANGE, seriesVersion, yearSeriesRequest } from './model/scope-series.ts';
import { withAccount } from './testing/render-app.tsx';

afterEach(cleanup);

const historyReads = (bridge: ReturnType<typeof withAccount>) => bridge.calls.filter(([name]) => name === 'history.get').map(([, request]) => request);

describe('history reads started before the view renders', () => {
  it('are started by the store as soon as its first data is in: the first tab’s chart and its year', async () => {
    const bridge = withAccount();
    const store = appDataStore(bridge);
    await waitFor(() => expect(store.get().accounts).not.toBeNull());
    expect(historyReads(bridge)).toEqual([chartSeriesRequest('main', FIRST_RANGE), yearSeriesRequest('main', 'USD')]);
  });

  it('give the view its series in its first render, without asking main again', async () => {
    const bridge = withAccount();
    const { balances, settings, accounts } = bridge.state;
    readFirstSeries(bridge, accounts, balances, settings);
    await Promise.resolve();
    await Promise.resolve();
    const version = seriesVersion(balances, settings.quoteCurrency);
    const { result } = renderHook(() => useHistory(bridge, yearSeriesRequest('main', settings.quoteCurrency), version));
    // Not null, then the series: the first render already has it.
    expect(result.current?.range).toBe('1y');
    await waitFor(() => expect(historyReads(bridge)).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(historyReads(bridge)).toHaveLength(2);
  });
});
