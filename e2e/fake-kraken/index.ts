// A local stand-in for api.kraken.com: used by vitest integration tests, the bench and Playwright e2e.
export { startFakeKraken } from './server.ts';
export type { FakeKeyConfig, FakeKraken, FakeKrakenOptions, FakeTier, RecordedCall } from './server.ts';
export type { FakeFault, FaultOptions } from './faults.ts';
export type { FakeControls } from './control.ts';
export type { StreamEndpoint, StreamFault } from './ws-api.ts';
export { WS_PRIVATE_PATH, WS_PUBLIC_PATH } from './ws-api.ts';
export type { StreamEvent } from './ws-api.ts';
export type { BalanceChange, BalanceWalkOptions } from './balance-walk.ts';
export {
  DEFAULT_ASSETS,
  DEFAULT_BALANCES,
  DEFAULT_PAIRS,
  FAKE_API_KEY,
  FAKE_API_SECRET,
  FAKE_NO_FUNDS_API_KEY,
  FAKE_NO_FUNDS_API_SECRET,
  FAKE_NO_WS_API_KEY,
  FAKE_NO_WS_API_SECRET,
  FAKE_SECOND_API_KEY,
  FAKE_SECOND_API_SECRET,
} from './fixtures.ts';
