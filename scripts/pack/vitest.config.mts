import { defineConfig } from 'vitest/config';

// Unit tests for the packaging helpers. `npm run pack:check` runs them before it packages; the app's own
// tests use the root vitest.config.ts.
export default defineConfig({
  test: {
    include: ['scripts/pack/**/*.test.mts'],
    environment: 'node',
  },
});
