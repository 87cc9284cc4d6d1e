import { defineConfig } from '@playwright/test';

// bench:live's Playwright part (run by bench/live.ts, not by `npm test`): the real app on the e2e runtime,
// with the figures written to BENCH_LIVE_OUT.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  globalSetup: '../global-setup.ts',
  timeout: 15 * 60_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
