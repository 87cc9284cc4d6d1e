import { BRIDGE_KEY, type KrakenBridge } from '../../ipc/contract.ts';

/** The preload's API; the renderer has no other way to reach main. */
export const bridge = (window as unknown as Record<typeof BRIDGE_KEY, KrakenBridge>)[BRIDGE_KEY];
