// A local stand-in for api.kraken.com: used by vitest integration tests, the bench and Playwright e2e.
export { startFakeKraken } from './server.ts';
export type { FakeKeyConfig, FakeKraken, FakeKrakenOptions, FakeTier, RecordedCall } from './server.ts';
export type { FakeFault, FaultOptions } from './faults.ts';
export type { FakeControls } from './control.ts';
export {
  DEFAULT_ASSETS,
  DEFAULT_BALANCES,
  DEFAULT_PAIRS,
  FAKE_API_KEY,
  FAKE_API_SECRET,
  FAKE_NO_FUNDS_API_KEY,
  FAKE_NO_FUNDS_API_SECRET,
  FAKE_SECOND_API_KEY,
  FAKE_SECOND_API_SECRET,
} from './fixtures.ts';
