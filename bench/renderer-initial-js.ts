// The renderer's initial JavaScript: the entry script and every chunk index.html preloads, i.e. everything
// the window downloads and parses before it can show anything. Measured gzipped (level 9) from the build in
// out/renderer; read by bench/render-rows.ts (printed with its target) and e2e/ui-bundle-budget.spec.ts (asserted).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 120_000;

export interface InitialJsFile {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export function rendererInitialJs(rendererDir: string): InitialJsFile[] {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1] ?? match[2] ?? '');
  return initial.map((file) => {
    const source = readFileSync(path.join(rendererDir, file));
    return { file, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
  });
}
