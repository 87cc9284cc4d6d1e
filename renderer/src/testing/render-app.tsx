import { act, render } from '@testing-library/react';
import { App } from '../App.tsx';
import { createFakeBridge, type FakeBridge } from './fake-bridge.ts';
import { account, accountBalances } from '../../../shared/testing/sample-data.ts';

/** The whole window on a fake bridge, after its first answers have landed. */
export async function renderApp(bridge: FakeBridge): Promise<void> {
  render(<App bridge={bridge} />);
  await act(async () => undefined);
}

/** A bridge with one account, "Main", whose balances are the sample's with `partial` over them. */
export function withAccount(partial: Parameters<typeof accountBalances>[1] = {}): FakeBridge {
  return createFakeBridge({ accounts: [account('main', 'Main')], balances: [accountBalances('main', partial)] });
}
