import { defineConfig } from '@playwright/test';

// Each test launches the app itself (e2e/fixtures.ts) on real Electron or the in-repo test runtime;
// Playwright's own browsers are never downloaded or used.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Three on CI's 2 cores: each test spends much of its time waiting on Chromium, the fake Kraken and the
  // app's own timers, so two workers left about a third of the CPU idle (summed test time over wall time).
  workers: process.env.CI ? 3 : undefined,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
