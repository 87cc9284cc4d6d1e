// What the packaged app.asar must and must not hold. electron-vite bundles main, preload and renderer
// whole into out/, so the archive is out/** plus package.json and nothing else; every rule below names
// the mistake it catches.
import path from 'node:path';

export const REQUIRED_ENTRIES = ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];

const FORBIDDEN: ReadonlyArray<{ pattern: RegExp; reason: string }> = [
  { pattern: /\.map$/, reason: 'a source map' },
  { pattern: /\.(ts|tsx|mts|cts)$/, reason: 'TypeScript source' },
  { pattern: /\.(test|spec)\.[cm]?[jt]sx?$/, reason: 'a test file' },
];

/** The package folder of a file inside node_modules: ".../node_modules/name" or ".../node_modules/@scope/name". */
const NODE_MODULES_PACKAGE = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+/;

const plural = (files: number): string => `${files} file${files === 1 ? '' : 's'}`;

export type PackagedManifest = { main?: unknown; dependencies?: unknown; devDependencies?: unknown; desktopName?: unknown };

export type PolicyInput = {
  paths: readonly string[];
  unpackedPaths: readonly string[];
  manifest: PackagedManifest;
  rendererHtml: string;
};

/** Files the renderer's index.html loads from the archive (scripts, styles, icons), as archive paths. */
export function rendererReferences(html: string): string[] {
  const refs: string[] = [];
  for (const match of html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)) {
    const ref = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('#') || ref.startsWith('//')) continue;
    refs.push(path.posix.normalize(path.posix.join('out/renderer', ref.split(/[?#]/)[0] ?? '')));
  }
  return refs;
}

/** Every violation as one sentence naming the file and the rule; empty when the archive is right. */
export function findViolations({ paths, unpackedPaths, manifest, rendererHtml }: PolicyInput): string[] {
  const present = new Set(paths);
  const violations: string[] = [];
  for (const required of REQUIRED_ENTRIES) {
    if (!present.has(required)) violations.push(`${required} is missing`);
  }
  if (typeof manifest.main !== 'string' || !present.has(path.posix.normalize(manifest.main))) {
    violations.push(`package.json "main" (${String(manifest.main)}) is not in the archive`);
  }
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const value = manifest[field];
    if (value && typeof value === 'object' && Object.keys(value).length > 0) {
      violations.push(`the packaged package.json lists ${field} (${Object.keys(value).join(', ')}); the app must need none at run time`);
    }
  }
  for (const ref of rendererReferences(rendererHtml)) {
    if (!present.has(ref)) violations.push(`out/renderer/index.html loads ${ref}, which is not in the archive`);
  }
  const packages = new Map<string, number>();
  for (const file of paths) {
    const npmPackage = NODE_MODULES_PACKAGE.exec(file)?.[0];
    if (npmPackage) {
      packages.set(npmPackage, (packages.get(npmPackage) ?? 0) + 1);
      continue;
    }
    if (file !== 'package.json' && !file.startsWith('out/')) {
      violations.push(`${file} is outside out/ (only the built app and package.json belong in the archive)`);
      continue;
    }
    const rule = FORBIDDEN.find(({ pattern }) => pattern.test(file));
    if (rule) violations.push(`${file} is ${rule.reason}`);
  }
  for (const [npmPackage, files] of packages) {
    violations.push(`${npmPackage} (${plural(files)}) is an npm package copied in; everything must be bundled into out/ by electron-vite`);
  }
  for (const file of unpackedPaths) violations.push(`${file} is unpacked next to the archive (nothing needs to be)`);
  return violations;
}

export type FolderSummary = { folder: string; files: number; bytes: number };

/** Files and bytes per top folder (out/<process> for the bundles), largest first. */
export function summarizeByFolder(files: ReadonlyArray<{ path: string; size: number }>): FolderSummary[] {
  const groups = new Map<string, FolderSummary>();
  for (const { path: file, size } of files) {
    const parts = file.split('/');
    const folder = parts.length === 1 ? '(root)' : parts[0] === 'out' && parts.length > 2 ? `out/${parts[1]}` : (parts[0] ?? '');
    const group = groups.get(folder) ?? { folder, files: 0, bytes: 0 };
    group.files += 1;
    group.bytes += size;
    groups.set(folder, group);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes || a.folder.localeCompare(b.folder));
}
