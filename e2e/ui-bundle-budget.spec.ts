// The renderer's initial JavaScript must stay within 120 kB gzipped: what the window downloads and parses
// before it can show anything. Reads the built out/renderer (npm run test:e2e builds first).
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { INITIAL_JS_BUDGET_BYTES, rendererInitialJs } from '../bench/renderer-initial-js.ts';

test('the renderer’s initial JavaScript is at most 120 kB gzipped', () => {
  const sizes = rendererInitialJs(path.resolve('out/renderer'));
  expect(sizes.length).toBeGreaterThan(0);
  const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
  for (const entry of sizes) console.info(`renderer initial JS: ${entry.file} ${(entry.raw / 1000).toFixed(1)} kB, ${(entry.gzip / 1000).toFixed(1)} kB gzip`);
  console.info(`renderer initial JS total: ${(total / 1000).toFixed(1)} kB gzip of a ${INITIAL_JS_BUDGET_BYTES / 1000} kB budget`);
  expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
});
