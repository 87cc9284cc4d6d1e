import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test (*.test.ts / *.test.tsx); e2e specs are Playwright's.
export default defineConfig({
  test: {
    include: ['{main,preload,ipc,shared,renderer,e2e/fake-kraken,e2e/runtime,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default (cores − 1) gives a 2-core CI machine a single worker while its own process idles.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
