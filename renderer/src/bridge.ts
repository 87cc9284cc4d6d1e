import { createContext, useContext } from 'react';
import { BRIDGE_KEY, type KrakenBridge } from '../../ipc/contract.ts';

/** The preload's API; the renderer has no other way to reach main. */
export function windowBridge(): KrakenBridge {
  return (window as unknown as Record<typeof BRIDGE_KEY, KrakenBridge>)[BRIDGE_KEY];
}

// Components take the bridge from context so tests and the benchmark can hand them a fake one.
export const BridgeContext = createContext<KrakenBridge | null>(null);

export function useBridge(): KrakenBridge {
  const bridge = useContext(BridgeContext);
  if (bridge === null) throw new Error('useBridge outside <BridgeContext>');
  return bridge;
}
