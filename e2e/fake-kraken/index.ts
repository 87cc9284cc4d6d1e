// A local stand-in for api.kraken.com: used by vitest integration tests, the bench and Playwright e2e.
export { startFakeKraken } from './server.ts';
export type { FakeKeyConfig, FakeKraken, FakeKrakenOptions, FakeTier, RecordedCall } from './server.ts';
export type { FakeFault, FaultOptions } from './faults.ts';
export type { FakeControls } from './control.ts';
export type { StreamEndpoint, StreamFault } from './ws-api.ts';
export { WS_PRIVATE_PATH, WS_PUBLIC_PATH } from './ws-api.ts';
export type { StreamEvent } from './ws-api.ts';
export type { BalanceChange, BalanceWalkOptions } from './balance-walk.ts';
// Credentials, balances, assets and pairs the fake serves by default.
export * from './fixtures.ts';
