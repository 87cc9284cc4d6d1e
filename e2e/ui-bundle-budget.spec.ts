// The renderer's initial JavaScript must stay within 120 kB gzipped: what the window downloads and parses
// before it can show anything. Reads the built out/renderer (npm run test:e2e builds first).
// That JavaScript also carries V8's compile hint, so it is compiled off the main thread (scripts/compile-hints.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { INITIAL_JS_BUDGET_BYTES, rendererInitialJs } from '../bench/renderer-initial-js.ts';
import { COMPILE_HINT } from '../scripts/compile-hints.ts';

test('the renderer’s initial JavaScript is at most 120 kB gzipped', () => {
  const sizes = rendererInitialJs(path.resolve('out/renderer'));
  expect(sizes.length).toBeGreaterThan(0);
  const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
  for (const entry of sizes) console.info(`renderer initial JS: ${entry.file} ${(entry.raw / 1000).toFixed(1)} kB, ${(entry.gzip / 1000).toFixed(1)} kB gzip`);
  console.info(`renderer initial JS total: ${(total / 1000).toFixed(1)} kB gzip of a ${INITIAL_JS_BUDGET_BYTES / 1000} kB budget`);
  expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
});

test('the renderer’s initial JavaScript starts with V8’s compile hint, as its first line', () => {
  const sizes = rendererInitialJs(path.resolve('out/renderer'));
  expect(sizes.length).toBeGreaterThan(0);
  for (const { file } of sizes) expect(readFileSync(path.resolve('out/renderer', file), 'utf8').slice(0, COMPILE_HINT.length + 1), file).toBe(`${COMPILE_HINT}\n`);
});
