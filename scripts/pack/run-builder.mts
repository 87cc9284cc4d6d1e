// Runs electron-builder's CLI with the project's own config (build/electron-builder.yml), so pack:check
// exercises exactly what `npm run dist` uses, with only the Electron source and output folder swapped.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export type BuilderRun = { ok: boolean; output: string; seconds: number };

export function runElectronBuilder(options: {
  root: string;
  platform: 'linux' | 'mac';
  arch: 'x64' | 'arm64';
  electronDist: string;
  outputDir: string;
  /** Where electron-builder and @electron/get would cache downloads; pack:check asserts it stays empty. */
  downloadCacheDir: string;
  /** Further `-c.<key>=<value>` overrides. */
  overrides?: Record<string, string>;
  env?: Record<string, string>;
}): BuilderRun {
  const cli = path.join(options.root, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    cli,
    `--${options.platform}`,
    'dir',
    `--${options.arch}`,
    '--config',
    path.join(options.root, 'build', 'electron-builder.yml'),
    `-c.electronDist=${options.electronDist}`,
    `-c.directories.output=${options.outputDir}`,
    '--publish',
    'never',
    ...Object.entries(options.overrides ?? {}).map(([key, value]) => `-c.${key}=${value}`),
  ];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: options.root,
    encoding: 'utf8',
    timeout: 5 * 60_000,
    env: {
      ...process.env,
      // A developer's Mac may hold a signing identity; the stand-in must never be signed or notarised.
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      // Point both download caches at a fresh folder: anything that appears there was fetched.
      ELECTRON_BUILDER_CACHE: options.downloadCacheDir,
      ELECTRON_CACHE: options.downloadCacheDir,
      FORCE_COLOR: '0',
      ...options.env,
    },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, output, seconds: (performance.now() - started) / 1000 };
}
