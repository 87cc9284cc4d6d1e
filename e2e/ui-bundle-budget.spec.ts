// The renderer's initial JavaScript must stay within 120 kB gzipped: what the window downloads and parses
// before it can show anything. Reads the built out/renderer (npm run test:e2e builds first).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const BUDGET_BYTES = 120_000;
const rendererDir = path.resolve('out/renderer');

test('the renderer’s initial JavaScript is at most 120 kB gzipped', () => {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  // The entry script and every chunk the page preloads: everything needed before the first render.
  const initial = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1] ?? match[2] ?? '');
  expect(initial.length).toBeGreaterThan(0);
  const sizes = initial.map((file) => {
    const source = readFileSync(path.join(rendererDir, file));
    return { file, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
  });
  const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
  for (const entry of sizes) console.info(`renderer initial JS: ${entry.file} ${(entry.raw / 1000).toFixed(1)} kB, ${(entry.gzip / 1000).toFixed(1)} kB gzip`);
  console.info(`renderer initial JS total: ${(total / 1000).toFixed(1)} kB gzip of a ${BUDGET_BYTES / 1000} kB budget`);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
