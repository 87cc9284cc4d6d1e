import { defineConfig } from '@playwright/test';

// Each test launches the app itself (e2e/fixtures.ts) on real Electron or the in-repo test runtime;
// Playwright's own browsers are never downloaded or used.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
